// A build worker: loads its own share of the lessons (one parse per lesson in
// the whole build) and reports their diagnostics. When told the library is
// clean, it hands over the models the site needs, writes its share's
// downloads, then asks the main thread for more lessons until none are left
// (the main thread builds the site meanwhile, so it has fewer to spare).
import { parentPort, workerData } from 'node:worker_threads';
import { loadLesson } from '../lesson/load-library.ts';
import type { LessonContext, LessonJob, LessonResult } from '../lesson/load-library.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import { copyCachedDownloads, renderLessonDownloads } from './lesson-downloads.ts';
import type { DownloadOptions, LessonDownloads } from './lesson-downloads.ts';
import { forSite } from '../lesson/strip-positions.ts';

const port = parentPort!;
const { jobs, context } = workerData as { jobs: LessonJob[]; context: LessonContext };

export type WorkerRequest =
  | { type: 'render'; library: Omit<Library, 'lessons'>; options: DownloadOptions }
  /** More lessons to render, taken from the main thread's share; none left when empty. */
  | { type: 'lessons'; lessons: Lesson[] };
export type WorkerReply =
  | { type: 'loaded'; results: LessonResult[] }
  | { type: 'site'; lessons: Lesson[] }
  | { type: 'progress' }
  | { type: 'more' }
  | { type: 'rendered'; downloads: LessonDownloads[] };

const results = jobs.map((job) => loadLesson(job, context));
port.postMessage({
  type: 'loaded',
  results: results.map((result) => ({ ...result, lesson: undefined })),
} satisfies WorkerReply);

let render: { library: Library; options: DownloadOptions } | undefined;
const queue: Lesson[] = [];
const downloads: LessonDownloads[] = [];
let asked = false;
let noMore = false;
let running = false;
let started = false;

async function drain() {
  if (running || !started) return;
  running = true;
  while (queue.length > 0) {
    // Ask for the next lessons while the last one renders, so this thread never waits.
    if (queue.length === 1 && !asked && !noMore) {
      asked = true;
      port.postMessage({ type: 'more' } satisfies WorkerReply);
    }
    downloads.push(await renderLessonDownloads(queue.shift()!, render!.library, render!.options));
    port.postMessage({ type: 'progress' } satisfies WorkerReply);
  }
  running = false;
  if (noMore) {
    port.postMessage({ type: 'rendered', downloads } satisfies WorkerReply);
    port.close();
  } else if (!asked) {
    asked = true;
    port.postMessage({ type: 'more' } satisfies WorkerReply);
  }
}

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'render') {
    const lessons = results.flatMap((result) => (result.lesson ? [result.lesson] : []));
    results.length = 0;
    // The library the renderers see: every service and unit, this share's lessons.
    render = { library: { ...request.library, lessons }, options: request.options };
    start(lessons, request.options);
    return;
  }
  asked = false;
  if (request.lessons.length === 0) noMore = true;
  queue.push(...request.lessons);
  void drain();
});

/** Copy the cached lessons first (a rebuild's downloads are then over at once), hand over the site's models, then render. */
function start(lessons: Lesson[], options: DownloadOptions) {
  for (const lesson of lessons) {
    const copied = copyCachedDownloads(lesson, options);
    if (copied) {
      downloads.push(copied);
      port.postMessage({ type: 'progress' } satisfies WorkerReply);
    } else queue.push(lesson);
  }
  port.postMessage({ type: 'site', lessons: lessons.map((lesson) => forSite(lesson)) } satisfies WorkerReply);
  started = true;
  void drain();
}
