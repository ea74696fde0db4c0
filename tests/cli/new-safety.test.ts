import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashTree } from '../build/helpers.ts';
import { makeLibrary } from '../lesson/fixture.ts';

const bin = path.resolve('bin/pshe.js');

function pshe(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every entry under a folder, links included (hashTree skips them). */
const entries = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('pshe new never writes through a link or outside the library', () => {
  it('should refuse a linked unit folder, unit.yaml or lesson path, and write nothing anywhere', () => {
    const dir = makeLibrary();
    const outside = mkdtempSync(path.join(tmpdir(), 'pshe-outside-'));
    writeFileSync(path.join(outside, 'unit.yaml'), 'title: Not yours\nlessons: []\n');
    symlinkSync(outside, path.join(dir, 'linked-unit'));
    mkdirSync(path.join(dir, 'unit-b'));
    symlinkSync(path.join(outside, 'unit.yaml'), path.join(dir, 'unit-b', 'unit.yaml'));
    // A dangling link where the new lesson would go: writing through it would create a file outside.
    symlinkSync(path.join(outside, 'planted.yaml'), path.join(dir, 'unit-a', 'planted.yaml'));
    const before = { library: entries(dir), outside: hashTree(outside), files: hashTree(dir) };
    for (const [target, said] of [
      ['linked-unit/new-lesson', /linked-unit is a symbolic link/],
      ['unit-b/new-lesson', /unit-b\/unit\.yaml is a symbolic link/],
      ['unit-a/planted', /planted\.yaml is a symbolic link/],
    ] as const) {
      const result = pshe(['new', target, '--lessons', dir]);
      expect(result.status, target).toBe(2);
      expect(result.stderr).toMatch(said);
      expect(result.stderr).toMatch(/Nothing was written/);
    }
    expect(entries(dir)).toEqual(before.library);
    expect(hashTree(dir)).toEqual(before.files);
    expect(hashTree(outside)).toEqual(before.outside);
    expect(existsSync(path.join(outside, 'planted.yaml'))).toBe(false);
  });
});

describe('pshe new with a broken unit.yaml', () => {
  for (const [what, text, rule] of [
    ['a list', '- one\n- two\n', 'yaml-not-mapping'],
    ['a duplicate key', 'title: A\ntitle: B\nlessons: []\n', 'yaml-duplicate-key'],
    ['YAML that does not parse', 'title: [A\nlessons: []\n', 'yaml-syntax'],
  ] as const) {
    it(`should report ${what} like pshe check, exit 1 and leave nothing behind`, () => {
      const dir = makeLibrary({ 'unit-b/unit.yaml': text });
      const before = entries(dir);
      const result = pshe(['new', 'unit-b/new-lesson', '--lessons', dir]);
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`unit-b/unit\\.yaml:\\d+:\\d+: error: .* \\[${rule}\\]`));
      expect(result.stdout).toMatch(/✖ 1 error/);
      expect(result.stderr).not.toMatch(/crashed|at .*\.ts:\d+/);
      expect(entries(dir)).toEqual(before);
      expect(readFileSync(path.join(dir, 'unit-b/unit.yaml'), 'utf8')).toBe(text);
    });
  }

  it('should add a lesson to a good unit.yaml once, keeping its comments, with no temporary file left', () => {
    const dir = makeLibrary({ 'unit-a/unit.yaml': '# Our unit\ntitle: Unit A\nlessons:\n  - asking-for-help\n' });
    expect(pshe(['new', 'unit-a/second-lesson', '--lessons', dir]).status).toBe(0);
    expect(readFileSync(path.join(dir, 'unit-a/unit.yaml'), 'utf8')).toBe(
      '# Our unit\ntitle: Unit A\nlessons:\n  - asking-for-help\n  - second-lesson\n',
    );
    expect(readdirSync(path.join(dir, 'unit-a')).sort()).toEqual([
      'asking-for-help.yaml',
      'second-lesson.yaml',
      'unit.yaml',
    ]);
  });
});
