// The check stage: the loader's result for each lesson, then the rules that
// need a renderer (a slide that holds too much), run with the real library's
// services and school. `pshe check` and `pshe build`'s check phase both come
// here (through src/pool); the loader itself imports no renderer.
import { finishLibrary, loadLesson, prepareLibrary } from '../lesson/load-library.ts';
import type { LessonContext, LessonJob, LessonResult, LoadOptions, LoadResult } from '../lesson/load-library.ts';
import { addCapped, slideFitWarnings } from './slide-fit.ts';
import type { CheckLibrary } from './slide-fit.ts';

export type { CheckLibrary } from './slide-fit.ts';

/**
 * Check one lesson file: load it (through the model cache when
 * `context.modelCache` says so), then, when it loaded, warn about each
 * authored slide that will be split to fit.
 */
export function checkLesson(job: LessonJob, context: LessonContext, library: CheckLibrary): LessonResult {
  const result = loadLesson(job, context);
  if (!result.lesson) return result;
  const warnings = slideFitWarnings(result.lesson, library, context.modelCache);
  return warnings.length ? { ...result, diagnostics: addCapped(result.diagnostics, warnings) } : result;
}

/** The services and school a prepared library's lessons are checked with (no lessons: each lesson is checked alone). */
export function checkLibraryOf(prepared: { library: CheckLibrary }): CheckLibrary {
  const { dir, signposts, school } = prepared.library;
  return { dir, signposts, school };
}

/**
 * Check a library on this thread: `loadLibrary` plus the check stage's
 * rules, the result `pshe check` gives (`checkLibraryParallel` in src/pool
 * shares the lessons over every core).
 */
export function checkLibrary(dir: string, options: LoadOptions = {}): LoadResult {
  const prepared = prepareLibrary(dir, options);
  const library = checkLibraryOf(prepared);
  return finishLibrary(
    prepared,
    prepared.jobs.map((job) => checkLesson(job, prepared.context, library)),
  );
}
