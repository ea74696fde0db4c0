import { prepareLibrary } from '../lesson/load-library.ts';
import type { LoadOptions, LoadResult } from '../lesson/load-library.ts';
import { LessonPool } from './lesson-pool.ts';

/**
 * A check worker only loads, so it must have more lessons than a build
 * worker (which also renders them) to pay for starting.
 */
const MIN_LESSONS_PER_CHECK_THREAD = 40;

/**
 * Check a library on every core (the pool's load part): this thread checks
 * one share of the lessons and each worker another. Workers return facts and
 * diagnostics only, so the result's `library.lessons` holds just this
 * thread's share: use it to check, and `loadLibrary` when the models are needed.
 */
export async function checkLibraryParallel(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const pool = new LessonPool(prepareLibrary(dir, options), { minLessonsPerThread: MIN_LESSONS_PER_CHECK_THREAD });
  try {
    return await pool.load();
  } finally {
    await pool.stop();
  }
}
