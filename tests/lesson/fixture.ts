import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkLibrary } from '../../src/check/check-lesson.ts';
import type { LoadOptions } from '../../src/lesson/load-library.ts';
import { fixtureLesson, fixtureSignposts } from '../../src/lesson/rules/fixture-library.ts';

/** A valid pupil lesson, and two help services: the library the rules' own examples start from too. */
export const validLesson = fixtureLesson;
export const validSignposts = fixtureSignposts;

export interface FixtureFiles {
  [relativePath: string]: string | Uint8Array;
}

/** Write a library to a temporary folder: defaults plus the files given (null-free). */
export function makeLibrary(files: FixtureFiles = {}, { defaults = true } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-lib-'));
  const all: FixtureFiles = defaults
    ? {
        'signposts.yaml': validSignposts,
        'unit-a/unit.yaml': 'title: Unit A\nlessons: [asking-for-help]\n',
        'unit-a/asking-for-help.yaml': validLesson,
        ...files,
      }
    : files;
  for (const [name, content] of Object.entries(all)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** Check a library made of the default files with one lesson replaced, as `pshe check` does (slide fit included). */
export function checkLesson(lessonYaml: string, options: LoadOptions = {}) {
  const dir = makeLibrary({ 'unit-a/asking-for-help.yaml': lessonYaml });
  return checkLibrary(dir, { today: '2026-11-26', ...options }).diagnostics;
}

/** Replace the first occurrence of `find` in the valid lesson, failing loudly when absent. */
export function mutate(find: string, replace: string, base = validLesson): string {
  if (!base.includes(find)) throw new Error(`fixture does not contain ${JSON.stringify(find)}`);
  return base.replace(find, replace);
}

/** The 1-based line in `text` on which `needle` first appears. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  return text.slice(0, index).split('\n').length;
}
