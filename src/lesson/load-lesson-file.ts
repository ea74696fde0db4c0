import path from 'node:path';
import { lessonImageScope, readLibraryImage } from '../library-file.ts';
import { failedLesson, loadLessonBytes } from './load-lesson-bytes.ts';
import type { LessonContext, LessonJob, LessonResult } from './load-lesson-bytes.ts';
import { display, read } from './read-file.ts';

export type { LessonContext, LessonJob, LessonResult } from './load-lesson-bytes.ts';

/**
 * Load one lesson file: read it (unless the caller has its bytes), then
 * `loadLessonBytes` with its images through the library's gate. Pure apart
 * from reading files, so it can run in a worker thread.
 */
export function loadLessonFile(
  job: LessonJob,
  context: LessonContext,
  /** The file's bytes, when the caller has read them already (the model cache). */
  known?: Uint8Array,
): LessonResult {
  const shown = display(job.file);
  const name = path.basename(job.file);
  const { bytes, diagnostics } = known ? { bytes: known, diagnostics: [] } : read(job.file);
  if (!bytes) return failedLesson(job, { name, shown }, diagnostics);
  const scope = lessonImageScope(path.dirname(job.file));
  return loadLessonBytes(job, { name, shown, bytes }, context, (url) => readLibraryImage(scope, url));
}
