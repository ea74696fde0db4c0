// What a pool worker runs (feasibility.md: workers that load their own share
// avoid copying parsed models between threads). It checks its share of the
// lessons (one parse per lesson in the whole run) and reports their facts and
// diagnostics. Given a renderer (the build's worker, src/pipeline/build-worker.ts)
// and told the library is clean, it hands over the models the site needs,
// writes its share's outputs, then asks the main thread for more lessons until
// none are left (the main thread builds the site meanwhile, so it has fewer to
// spare). Without one (`pshe check`, check-worker.ts) it stops once loaded.
import { collectGarbage } from './collect-garbage.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { checkLesson } from '../check/check-lesson.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import { forSite } from '../lesson/strip-positions.ts';
import type { PoolRenderer, WorkerData, WorkerReply, WorkerRequest } from './protocol.ts';

/** Run this thread as a pool worker: call once, from a worker's entry module. */
export function runPoolWorker<O, D>(renderer?: PoolRenderer<O, D>): void {
  const port = parentPort!;
  const { jobs, context, library: checkWith } = workerData as WorkerData;
  const post = (reply: WorkerReply<D>) => port.postMessage(reply);

  if (!renderer) {
    // The main thread needs only facts and diagnostics, and a check renders nothing: each
    // model is let go as soon as it is checked (a heap of models costs the check in GC).
    const results = jobs.map((job) => ({ ...checkLesson(job, context, checkWith), lesson: undefined }));
    post({ type: 'loaded', results });
    return;
  }
  const results = jobs.map((job) => checkLesson(job, context, checkWith));
  // The main thread needs only facts and diagnostics; the models stay in this thread to be rendered.
  post({ type: 'loaded', results: results.map((result) => ({ ...result, lesson: undefined })) });

  let render: { library: Library; options: O } | undefined;
  const queue: Lesson[] = [];
  const downloads: D[] = [];
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
        post({ type: 'more' });
      }
      downloads.push(await renderer!.render(queue.shift()!, render!.library, render!.options));
      post({ type: 'progress' });
    }
    running = false;
    if (noMore) {
      post({ type: 'rendered', downloads });
      port.close();
    } else if (!asked) {
      asked = true;
      post({ type: 'more' });
    }
  }

  /** Copy the cached lessons first (a rebuild's outputs are then over at once), hand over the site's models, then render. */
  function start(lessons: Lesson[], options: O) {
    for (const lesson of lessons) {
      const copied = renderer!.copy(lesson, options);
      if (copied) {
        downloads.push(copied);
        post({ type: 'progress' });
      } else queue.push(lesson);
    }
    post({ type: 'site', lessons: lessons.map((lesson) => forSite(lesson)) });
    started = true;
    void drain();
  }

  port.on('message', (request: WorkerRequest<O>) => {
    if (request.type === 'render') {
      const lessons = results.flatMap((result) => (result.lesson ? [result.lesson] : []));
      results.length = 0;
      // The check's garbage goes before rendering starts, so it does not sit under the renders.
      collectGarbage();
      // Every service and unit, and no lesson (LessonPool.render says why).
      render = { library: request.library, options: request.options };
      start(lessons, request.options);
      return;
    }
    asked = false;
    if (request.lessons.length === 0) noMore = true;
    queue.push(...request.lessons);
    void drain();
  });
}
