import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { png } from '../helpers/png.ts';

function libraryWithSchool(logo: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-school-logo-'));
  cpSync('examples/library', dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'school.yaml'),
    ['name: Example Academy', 'dslContact: Room 12', `logo: ${logo}`, ''].join('\n'),
  );
  return dir;
}

describe("the school's logo", () => {
  it('should be found next to the school profile, and given to the renderers as a full path', () => {
    const dir = libraryWithSchool('crest.png');
    writeFileSync(path.join(dir, 'crest.png'), png(40, 40));
    const { library, diagnostics } = loadLibrary(dir);
    expect(diagnostics.filter((d) => d.ruleId === 'image-not-found')).toEqual([]);
    expect(library.school?.logo).toBe(path.join(dir, 'crest.png'));
  });

  it('should be an error at its line when it is missing or not a PNG or JPEG', () => {
    for (const [name, contents, reason] of [
      ['crest.png', undefined, /`crest\.png` was not found next to the school profile/],
      ['crest.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', /`crest\.svg` is not a PNG or JPEG file/],
    ] as const) {
      const dir = libraryWithSchool(name);
      if (contents) writeFileSync(path.join(dir, name), contents);
      const problems = loadLibrary(dir).diagnostics.filter((d) => d.ruleId === 'image-not-found');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'error', line: 3, column: 7 });
      expect(problems[0].file).toMatch(/school\.yaml$/);
      expect(problems[0].message).toMatch(reason);
    }
  });
});
