import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLibrary, mutate, validLesson } from '../lesson/fixture.ts';

const bin = path.resolve('bin/pshe.js');

function pshe(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('pshe check', () => {
  it('should print path:line:column diagnostics and exit 1 on an error', () => {
    const dir = makeLibrary({
      'unit-a/asking-for-help.yaml': mutate('durationInMinutes: 50', 'durationInMinutes: sixty'),
    });
    const result = pshe(['check', '--lessons', dir, '--today', '2026-11-26', '--no-cache']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /asking-for-help\.yaml:4:20: error: `durationInMinutes` must be a whole number of minutes, got "sixty"\. \[schema-type\]/,
    );
    expect(result.stdout).toMatch(/✖ 1 error/);
  });

  it('should exit 0 with warnings only', () => {
    const dir = makeLibrary({ 'unit-a/asking-for-help.yaml': mutate('I can name', 'Pupils name') });
    const result = pshe(['check', '--lessons', dir, '--today', '2026-11-26']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/warning: .*\[pupil-outcome-i-can\]/);
  });

  it('should print no colour when output is piped', () => {
    const dir = makeLibrary({ 'unit-a/asking-for-help.yaml': mutate('I can name', 'Pupils name') });
    expect(pshe(['check', '--lessons', dir]).stdout).not.toContain('\u001b[');
  });

  it('should give the same diagnostics as data with --format json', () => {
    const dir = makeLibrary({ 'unit-a/asking-for-help.yaml': mutate('keyStage:', 'keyStag:') });
    const result = pshe(['check', '--lessons', dir, '--format', 'json', '--today', '2026-11-26']);
    const data = JSON.parse(result.stdout);
    expect(data).toEqual([
      expect.objectContaining({ ruleId: 'schema-unknown-key', line: 2, column: 1, severity: 'error' }),
    ]);
    expect(result.status).toBe(1);
  });

  it('should exit 2 with a hint for an unknown flag or a missing folder', () => {
    const flag = pshe(['check', '--lesson', 'x']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/Did you mean `--lessons`\?/);
    const missing = pshe(['check', '--lessons', '/nonexistent/library']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('should serve an unchanged library from the cache and notice an edit', () => {
    const dir = makeLibrary();
    const first = pshe(['check', '--lessons', dir, '--today', '2026-11-26']);
    expect(first.status).toBe(0);
    expect(pshe(['check', '--lessons', dir, '--today', '2026-11-26']).stdout).toBe(first.stdout);
    writeFileSync(path.join(dir, 'unit-a/asking-for-help.yaml'), mutate('supervisionLevel: 2', 'supervisionLevel: 9'));
    const edited = pshe(['check', '--lessons', dir, '--today', '2026-11-26']);
    expect(edited.status).toBe(1);
    expect(edited.stdout).toMatch(/supervisionLevel.*at most 4/);
  });

  it('should check the shipped example library without errors', () => {
    expect(pshe(['check', '--lessons', 'examples/library', '--today', '2024-01-01']).status).toBe(0);
  });
});

describe('pshe new', () => {
  it('should write a lesson that parses, add it to the unit, and be flagged until finished', () => {
    const dir = makeLibrary();
    const result = pshe(['new', 'unit-a/spotting-scams', '--lessons', dir]);
    expect(result.status).toBe(0);
    const file = path.join(dir, 'unit-a/spotting-scams.yaml');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(path.join(dir, 'unit-a/unit.yaml'), 'utf8')).toMatch(/spotting-scams/);
    const check = pshe(['check', '--lessons', dir, '--format', 'json', '--today', '2026-11-26', '--no-cache']);
    const rules = new Set(JSON.parse(check.stdout).map((d: { ruleId: string }) => d.ruleId));
    expect([...rules]).toEqual(['unfinished-placeholder']);
    expect(check.status).toBe(1);
  });

  it('should start a new unit and refuse to overwrite a lesson', () => {
    const dir = makeLibrary();
    expect(pshe(['new', 'new-unit/first-lesson', '--lessons', dir]).status).toBe(0);
    expect(readFileSync(path.join(dir, 'new-unit/unit.yaml'), 'utf8')).toMatch(/- first-lesson/);
    const again = pshe(['new', 'new-unit/first-lesson', '--lessons', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });
});

it('should keep the valid fixture valid', () => {
  expect(validLesson).toMatch(/title:/);
});
