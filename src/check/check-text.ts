import { checkImageName, notFoundProblem, outsideProblem } from '../image-check.ts';
import { checkDuplicateLessonIds, checkUnitMembership } from '../lesson/checks/library-checks.ts';
import type { LessonFacts } from '../lesson/checks/library-checks.ts';
import { sortDiagnostics } from '../lesson/diagnostic.ts';
import { libraryOrder } from '../lesson/library-order.ts';
import { loadLessonBytes, type LessonImageCheck, type LessonResult } from '../lesson/load-lesson-bytes.ts';
import { fileKey, IMAGE_NAME, type CheckSite } from '../lesson/check-site-data.ts';
import type { Diagnostic, Lesson } from '../lesson/types.ts';
import { addCapped, slideFitOf } from './slide-fit-rules.ts';

/**
 * `a/./b/../c` as `a/c`; undefined when it climbs out of the library. The
 * file system's gate (`resolveLibraryFile`) resolves with `node:path` and
 * follows links; the browser has neither, and the site's verdict on each file
 * (`CheckSite.images`) already followed them, so only the name's own steps are
 * walked here.
 */
function inside(parts: readonly string[]): string | undefined {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else if (part && part !== '.') out.push(part);
  }
  return out.join('/');
}

/**
 * A lesson image's verdict without the file system: the name's own checks,
 * then the site's verdict on the file it leads to (worded again with the name
 * as the lesson writes it), or not found.
 */
function siteImages(site: CheckSite, unit: string): LessonImageCheck {
  return (url) => {
    const named = checkImageName(url, 'image', { decode: true });
    if (named.problem) return { problem: named.problem };
    const file = named.written.startsWith('/') ? undefined : inside([unit, ...named.written.split('/')]);
    if (file === undefined) return { problem: outsideProblem(url, 'image') };
    const key = fileKey(file);
    if (!Object.hasOwn(site.images, key)) {
      // A library with more files than were judged: this one may be there (pshe check would know).
      return site.imagesIncomplete ? { image: { file } } : { problem: notFoundProblem(url, 'image') };
    }
    const problem = site.images[key];
    if (!problem) return { image: { file } };
    const reword = (text: string) => text.replaceAll(`\`${IMAGE_NAME}\``, `\`${url}\``);
    return { problem: { ...problem, reason: reword(problem.reason), message: reword(problem.message) } };
  };
}

/**
 * A lesson's text loaded as the loader loads a lesson file in its library
 * (the lesson's own rules; its model when it has no error), with no file
 * system: what the editor checks and renders. `file.path` is where it is, or
 * would be, in the library (`unit-a/my-lesson.yaml`).
 */
export function loadLessonText(
  file: { path: string; bytes: Uint8Array },
  site: CheckSite,
  today: string,
): LessonResult {
  const [unit = '', name = file.path] = file.path.split('/');
  const knownSignposts = [
    ...site.signposts.map((service) => service.id),
    ...(site.school?.localServices ?? []).map((service) => service.id),
  ];
  return loadLessonBytes(
    { file: file.path, unit },
    { name, shown: file.path, bytes: file.bytes },
    { knownSignposts, today, ...(site.terminology ? { terminology: site.terminology } : {}) },
    siteImages(site, unit),
  );
}

/**
 * A lesson's text checked as `pshe check` checks it in its library, with no
 * file system: the loader's rules (`loadLessonBytes`), the slides that will
 * not fit, then the rules across the library that concern this file (its unit
 * lists it; no other lesson has its id). The problems of this file only,
 * sorted as `pshe check` prints them. `file` is where it is, or would be, in
 * the library (`unit-a/my-lesson.yaml`); `today` is the day the date rules
 * compare with.
 */
export function checkLessonText(...args: Parameters<typeof checkLessonModel>): Diagnostic[] {
  return checkLessonModel(...args).diagnostics;
}

/** {@link checkLessonText}, with the lesson's model when it loaded (the editor previews it). */
export function checkLessonModel(
  file: { path: string; bytes: Uint8Array },
  site: CheckSite,
  today: string,
): { diagnostics: Diagnostic[]; lesson?: Lesson } {
  const unit = file.path.split('/')[0];
  const result = loadLessonText(file, site, today);
  let diagnostics = result.diagnostics;
  if (result.lesson) {
    const library = { dir: '', signposts: site.signposts, ...(site.school ? { school: site.school } : {}) };
    diagnostics = addCapped(diagnostics, slideFitOf(result.lesson, library));
  }
  // The other lessons as the library holds them, this file in place of one at its path.
  const others: LessonFacts[] = site.lessons
    .filter((lesson) => lesson.file !== file.path)
    .map((lesson) => ({ ...lesson, signposts: [] }));
  const all = [...others, result.facts].sort(libraryOrder);
  const siteUnit = site.units.find((entry) => entry.id === unit);
  const across = [
    ...(siteUnit
      ? checkUnitMembership(
          {
            id: siteUnit.id,
            file: siteUnit.file,
            lessons: siteUnit.lessons.map((id) => ({ id, at: { line: 0, column: 0 } })),
          },
          all.filter((lesson) => lesson.unit === unit),
        )
      : []),
    ...checkDuplicateLessonIds(all),
  ];
  const mine = sortDiagnostics([...diagnostics, ...across].filter((d) => d.file === file.path));
  return { diagnostics: mine, ...(result.lesson ? { lesson: result.lesson } : {}) };
}
