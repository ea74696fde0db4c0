/* eslint-disable no-control-regex -- these tests look for control characters */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paint } from '../../src/cli/colour.ts';
import { formatText } from '../../src/cli/format-text.ts';
import { printable } from '../../src/lesson/diagnostic-text.ts';
import type { Diagnostic } from '../../src/lesson/types.ts';
import { makeLibrary, validLesson } from '../lesson/fixture.ts';

const bin = path.resolve('bin/pshe.js');

const forged: Diagnostic = {
  ruleId: 'schema-unknown-key',
  severity: 'error',
  file: 'unit-a/\u001b[2Kevil.yaml',
  line: 3,
  column: 1,
  message: 'Unknown key `x\u001b[32m\r\n✓ no problems\u0007\u007f\u009b\u202e`.',
} as Diagnostic;

describe('printing diagnostics', () => {
  it('should show every control character from a file escaped, and keep its own colours', () => {
    const text = formatText([forged], paint(true));
    // The formatter's own colours: red "error", dim rule id, red summary.
    const ownEscapes = text.match(/\u001b\[\d+m/g) ?? [];
    expect(ownEscapes.length).toBe(6);
    expect(text.replace(/\u001b\[\d+m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text).toContain('unit-a/\\x1b[2Kevil.yaml:3:1:');
    expect(text).toContain('x\\x1b[32m\\r\\n✓ no problems\\x07\\x7f\\x9b\\u202e');
    // One diagnostic, one summary: two lines, whatever the message holds.
    expect(text.split('\n')).toHaveLength(3);
  });

  it('should leave ordinary text alone', () => {
    expect(printable('Café – “quoted” 😀 path/to/file.yaml')).toBe('Café – “quoted” 😀 path/to/file.yaml');
    expect(printable('a\tb\u0000c')).toBe('a\\tb\\x00c');
  });

  it('should not let a file name forge a line in `pshe check`', () => {
    const name = 'x\u001b[2K\r\n✓ no problems in 3 files\n.yaml';
    const dir = makeLibrary({ [`unit-a/${name}`]: validLesson });
    const result = spawnSync(
      process.execPath,
      [bin, 'check', '--lessons', dir, '--today', '2026-11-26', '--no-cache'],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' } },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('x\\x1b[2K\\r\\n✓ no problems in 3 files\\n.yaml');
    // Every diagnostic on a line of its own, then the summary.
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/✖ \d+ errors?/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/:\d+:\d+: .*(error|warning).* \S*\[[a-z-]+\]/);
    // Only colour codes (ESC [ digits m) reach the terminal.
    expect(result.stdout.replace(/\u001b\[\d+m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('messages that quote paths', () => {
  it('should escape control characters in `pshe build` refusals', () => {
    const dir = makeLibrary();
    const result = spawnSync(
      process.execPath,
      [bin, 'build', '--lessons', dir, '--out', path.join(dir, 'x\u001b[2Ky\nz')],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('x\\x1b[2Ky\\nz');
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
