// A worker thread that loads its share of a library's lessons (feasibility.md:
// workers that load their own share avoid copying parsed models between threads).
import { parentPort, workerData } from 'node:worker_threads';
import { loadLesson } from './load-library.ts';
import type { LessonContext, LessonJob } from './load-library.ts';

const { jobs, context } = workerData as { jobs: LessonJob[]; context: LessonContext };
const results = jobs.map((job) => {
  const result = loadLesson(job, context);
  // The check needs only facts and diagnostics; the model stays in this thread.
  return { ...result, lesson: undefined };
});
parentPort?.postMessage(results);
