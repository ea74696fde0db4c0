import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { finishLibrary, loadLesson, prepareLibrary } from './load-library.ts';
import type { LessonResult, LoadOptions, LoadResult } from './load-library.ts';

/** Below this many lessons a worker costs more to start than it saves. */
const MIN_LESSONS_PER_WORKER = 40;

/**
 * Check a library on every core: this thread loads one share of the lessons
 * and each worker another. Workers return facts and diagnostics only, so the
 * result's `library.lessons` holds just this thread's share: use it to check,
 * and {@link loadLibrary} when the models are needed.
 */
export async function checkLibraryParallel(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const prepared = prepareLibrary(dir, options);
  const threads = Math.min(
    availableParallelism(),
    Math.max(1, Math.floor(prepared.jobs.length / MIN_LESSONS_PER_WORKER)),
  );
  if (threads <= 1)
    return finishLibrary(
      prepared,
      prepared.jobs.map((job) => loadLesson(job, prepared.context)),
    );
  const shares = Array.from({ length: threads }, (_, share) =>
    prepared.jobs.filter((_, index) => index % threads === share),
  );
  const workers = shares.slice(1).map(
    (jobs) =>
      new Promise<LessonResult[]>((resolve, reject) => {
        const worker = new Worker(new URL('./lesson-worker.ts', import.meta.url), {
          workerData: { jobs, context: prepared.context },
        });
        worker.once('message', (results: LessonResult[]) => {
          resolve(results);
          void worker.terminate();
        });
        worker.once('error', reject);
      }),
  );
  const own = shares[0].map((job) => loadLesson(job, prepared.context));
  const others = await Promise.all(workers);
  const byFile = new Map([...own, ...others.flat()].map((result) => [result.job.file, result]));
  return finishLibrary(
    prepared,
    prepared.jobs.map((job) => byFile.get(job.file)!),
  );
}
