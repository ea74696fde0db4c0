import { lstatSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLibrary } from '../../src/check/check-lesson.ts';
import { checkSiteOf } from '../../src/site/lib/check-site.ts';
import { checkLessonText } from '../../src/check/check-text.ts';
import { problemText } from '../../src/lesson/diagnostic-text.ts';
import { fixtureLessonFile, fixtureToday } from '../../src/lesson/rules/fixture-library.ts';
import { rules, type RuleFixture } from '../../src/lesson/rules.ts';
import type { Diagnostic } from '../../src/lesson/types.ts';
import { writeFixture } from '../helpers/write-fixture.ts';

/** A problem as the editor's Problems list shows it: what `pshe check` prints after the path. */
const line = (d: Diagnostic) => problemText(d);

/**
 * `pshe check`'s problems with one file of a library, as printed when run in the library's folder
 * (paths in messages relative to it), beside what the editor's checker says of the same file's
 * text with what the site publishes of the same library.
 */
function both(dir: string, file: string, today: string): { cli: string[]; editor: string[] } | undefined {
  const { library, diagnostics } = checkLibrary(dir, { today });
  const shown = (name: string) => path.relative(dir, path.resolve(name)).split(path.sep).join('/');
  const prefix = `${path.relative(process.cwd(), dir).split(path.sep).join('/')}/`;
  // A library whose services, school or terminology fail to load builds no site to edit in.
  if (diagnostics.some((d) => d.severity === 'error' && !/\.yaml$/.test(d.file))) return undefined;
  if (diagnostics.some((d) => d.severity === 'error' && /(signposts|school|terminology)\.yaml$/.test(d.file))) {
    return undefined;
  }
  const cli = diagnostics
    .filter((d) => shown(d.file) === file)
    .map((d) => line({ ...d, message: d.message.replaceAll(prefix, '') }));
  // As the editor sends it: the file opened as the page opens one, the text CodeMirror holds, encoded again.
  // A file that is not UTF-8 is refused when opened (the page says it must be saved as UTF-8), so has
  // nothing to compare.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path.join(dir, file)));
  } catch {
    return undefined;
  }
  const editor = checkLessonText(
    { path: file, bytes: new TextEncoder().encode(text) },
    checkSiteOf(dir, library),
    today,
  ).map(line);
  return { cli, editor };
}

describe('the editor’s checker says what pshe check says', () => {
  const fixtures = Object.values(rules).flatMap((rule) => [...rule.fixtures.ok, ...rule.fixtures.notOk]);
  const compared: string[] = [];

  for (const fixture of fixtures as RuleFixture[]) {
    it(`should give pshe check's problems for ${fixture.name}`, () => {
      const dir = writeFixture(fixture);
      try {
        const file = path.join(dir, fixtureLessonFile);
        // A lesson refused before it is read (a link, a folder) has no text to edit.
        let regular = false;
        try {
          regular = lstatSync(file).isFile();
        } catch {
          regular = false;
        }
        if (!regular) return;
        const result = both(dir, fixtureLessonFile, fixture.today ?? fixtureToday);
        if (!result) return;
        compared.push(fixture.name);
        expect(result.editor).toEqual(result.cli);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('should have compared nearly every example', () => {
    expect(compared.length).toBeGreaterThan(fixtures.length * 0.85);
  });

  it('should give pshe check’s problems for every shipped lesson, in its library', () => {
    const { library } = checkLibrary('lessons', { today: '2026-12-01' });
    expect(library.lessons.length).toBeGreaterThanOrEqual(10);
    for (const lesson of library.lessons) {
      const file = path.relative('lessons', lesson.file).split(path.sep).join('/');
      const result = both('lessons', file, '2026-12-01')!;
      expect(result.editor, file).toEqual(result.cli);
    }
  });
});
