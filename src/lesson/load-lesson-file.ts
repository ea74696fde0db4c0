import path from 'node:path';
import { lessonImageScope, readLibraryImage } from '../library-file.ts';
import { diagnostic } from './diagnostic.ts';
import { limits } from '../limits.ts';
import { failedLesson, loadLessonBytes } from './load-lesson-bytes.ts';
import type { LessonContext, LessonJob, LessonResult } from './load-lesson-bytes.ts';
import { display, read } from './read-file.ts';
import type { Diagnostic } from './types.ts';

export type { LessonContext, LessonJob, LessonResult } from './load-lesson-bytes.ts';

/**
 * Every image a lesson shows, through the one gate for library files
 * (`src/library-file.ts`): each refusal is an error at the image, and at most
 * `limits.imageUses` uses are allowed. Returns the real paths of the files
 * read (`lesson.images`, for cache keys) and, for the model cache, each file
 * the result depends on and whether it existed.
 */
function checkImages(
  lessonFile: string,
  used: readonly { url: string; at: { line: number; column: number } }[],
  shown: string,
  diagnostics: Diagnostic[],
): { assets: { file: string; exists: boolean }[]; images: string[] } {
  const scope = lessonImageScope(path.dirname(lessonFile));
  const assets: { file: string; exists: boolean }[] = [];
  const images = new Set<string>();
  const seen = new Map<string, ReturnType<typeof readLibraryImage>>();
  for (const [index, image] of used.entries()) {
    if (index === limits.imageUses.value) {
      diagnostics.push(
        diagnostic(
          'image-too-many',
          shown,
          image.at,
          `This is image ${index + 1} in the lesson; a lesson may show at most ${limits.imageUses.value} images (each use counts). Remove some, or split the lesson.`,
        ),
      );
      break;
    }
    let found = seen.get(image.url);
    if (!found) {
      found = readLibraryImage(scope, image.url);
      seen.set(image.url, found);
      if (found.image) {
        images.add(found.image.file);
        assets.push({ file: found.image.file, exists: true });
      } else if (found.problem.file) {
        // Inside the library but refused (too large, not a file) or not a PNG or JPEG: caches watch it, so
        // a smaller copy saved over it is checked again. What a format problem holds is the renderers' to
        // judge (they describe it instead). Caches stamp a file too large or not regular by its stat alone.
        if (found.problem.format) images.add(found.problem.file);
        assets.push({ file: found.problem.file, exists: true });
      } else if (found.problem.missing) {
        // Loaded again once it appears. A file outside the library is never recorded: caches must not read it.
        assets.push({ file: found.problem.missing, exists: false });
      }
    }
    if (found.problem && !found.problem.format) {
      diagnostics.push(diagnostic(found.problem.ruleId, shown, image.at, found.problem.message));
    }
  }
  return { assets, images: [...images] };
}

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
  return loadLessonBytes(job, { name, shown, bytes }, context, (used, file, found) =>
    checkImages(job.file, used, file, found),
  );
}
