// A build worker: loads its own share of the lessons (one parse per lesson in
// the whole build), reports their diagnostics, then, when told the library is
// clean, writes their downloads and hands back the models the site needs.
import { parentPort, workerData } from 'node:worker_threads';
import { loadLessonFile } from '../lesson/load-library.ts';
import type { LessonContext, LessonJob, LessonResult } from '../lesson/load-library.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import { writeLessonDownloads } from './lesson-downloads.ts';
import type { DownloadOptions } from './lesson-downloads.ts';
import { forSite } from '../lesson/strip-positions.ts';

const port = parentPort!;
const { jobs, context } = workerData as { jobs: LessonJob[]; context: LessonContext };

export type WorkerRequest =
  { type: 'render'; library: Omit<Library, 'lessons'>; options: DownloadOptions } | { type: 'stop' };
export type WorkerReply =
  | { type: 'loaded'; results: LessonResult[] }
  | { type: 'progress' }
  | { type: 'rendered'; lessons: Lesson[]; downloads: Awaited<ReturnType<typeof writeLessonDownloads>>[] };

const results = jobs.map((job) => loadLessonFile(job, context));
port.postMessage({
  type: 'loaded',
  results: results.map((result) => ({ ...result, lesson: undefined })),
} satisfies WorkerReply);

port.on('message', async (request: WorkerRequest) => {
  if (request.type === 'stop') {
    port.close();
    return;
  }
  const lessons = results.flatMap((result) => (result.lesson ? [result.lesson] : []));
  const library: Library = { ...request.library, lessons };
  const downloads = [];
  for (const lesson of lessons) {
    downloads.push(await writeLessonDownloads(lesson, library, request.options));
    port.postMessage({ type: 'progress' } satisfies WorkerReply);
  }
  port.postMessage({
    type: 'rendered',
    lessons: lessons.map((lesson) => forSite(lesson)),
    downloads,
  } satisfies WorkerReply);
  port.close();
});
