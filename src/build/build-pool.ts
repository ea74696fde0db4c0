import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { finishLibrary, loadLesson } from '../lesson/load-library.ts';
import type { LessonResult, LoadResult, PreparedLibrary } from '../lesson/load-library.ts';
import type { Lesson } from '../lesson/types.ts';
import type { WorkerReply, WorkerRequest } from './build-worker.ts';
import { forSite } from '../lesson/strip-positions.ts';
import { copyCachedDownloads, renderLessonDownloads } from './lesson-downloads.ts';
import type { DownloadOptions, LessonDownloads } from './lesson-downloads.ts';

/** Below this many lessons a worker costs more to start than it saves. */
const MIN_LESSONS_PER_THREAD = 20;

interface WorkerHandle {
  worker: Worker;
  loaded: Promise<LessonResult[]>;
}

/** What `render` returns: the site's models (library order, no positions) and each lesson's downloads. */
export interface Rendered {
  lessons: Lesson[];
  downloads: LessonDownloads[];
  /** When the last lesson's downloads were written (`performance.now()`): the site may still have been building. */
  finishedAt: number;
}

/**
 * The build's lessons, split over every core: this thread and each worker load
 * their own share once (feasibility.md: no copies of parsed models for the
 * check), the library's cross-file rules run here, and only when the whole
 * library is clean do the threads write the downloads. Workers hand their
 * models (without positions) to this thread first, so the site can be built
 * here while they render; this thread then renders what is left of its share,
 * and workers that run dry take lessons from it, so no core waits.
 */
export class BuildPool {
  private readonly prepared: PreparedLibrary;
  private readonly shares: PreparedLibrary['jobs'][];
  private readonly workers: WorkerHandle[] = [];
  private own: LessonResult[] = [];
  private readonly onProgress: () => void;
  private finishedAt = 0;

  constructor(prepared: PreparedLibrary, onProgress: () => void = () => {}) {
    this.prepared = prepared;
    this.onProgress = onProgress;
    // PSHE_THREADS sets the number of threads (tests use it to share a small library out).
    const requested = Number(process.env.PSHE_THREADS);
    const threads =
      Number.isInteger(requested) && requested >= 1
        ? Math.min(requested, Math.max(1, prepared.jobs.length))
        : Math.max(1, Math.min(availableParallelism(), Math.floor(prepared.jobs.length / MIN_LESSONS_PER_THREAD)));
    this.shares = Array.from({ length: threads }, (_, share) =>
      prepared.jobs.filter((_, index) => index % threads === share),
    );
  }

  /** Load every lesson and run the library's rules: the result `pshe check` would give. */
  async load(): Promise<LoadResult> {
    for (const jobs of this.shares.slice(1)) {
      const worker = new Worker(new URL('./build-worker.ts', import.meta.url), {
        workerData: { jobs, context: this.prepared.context },
      });
      const loaded = this.next(worker, 'loaded').then((reply) => reply.results);
      this.workers.push({ worker, loaded });
    }
    this.own = (this.shares[0] ?? []).map((job) => loadLesson(job, this.prepared.context));
    const others = await Promise.all(this.workers.map((handle) => handle.loaded));
    const byFile = new Map([...this.own, ...others.flat()].map((result) => [result.job.file, result]));
    return finishLibrary(
      this.prepared,
      this.prepared.jobs.map((job) => byFile.get(job.file)!),
    );
  }

  /**
   * Write every lesson's downloads. `alongside` gets every lesson's site model
   * as soon as the workers have handed theirs over, and runs on this thread
   * while they render (the site build); this thread renders its own lessons
   * after it.
   */
  async render(
    library: LoadResult['library'],
    options: DownloadOptions,
    alongside: (lessons: Lesson[]) => Promise<void> = async () => {},
  ): Promise<Rendered> {
    const shared = { dir: library.dir, signposts: library.signposts, school: library.school, units: library.units };
    const queue = this.own.flatMap((result) => (result.lesson ? [result.lesson] : []));
    this.own = [];
    const ownLibrary = { ...shared, lessons: queue.slice() };
    const sites = this.workers.map((handle) => this.next(handle.worker, 'site').then((reply) => reply.lessons));
    const rendered = this.workers.map((handle) => this.serve(handle.worker, queue));
    // Awaited below; a worker stopped after another failure must not count as an unhandled rejection.
    for (const promise of rendered) promise.catch(() => {});
    for (const handle of this.workers) {
      handle.worker.postMessage({ type: 'render', library: shared, options } satisfies WorkerRequest);
    }
    const downloads: LessonDownloads[] = [];
    // Lessons whose downloads are in the cache are only copied: every thread copies its own
    // before anything else, so that a rebuild's downloads are over in a moment. What is left
    // in the queue is rendered.
    for (const lesson of [...queue]) {
      const copied = copyCachedDownloads(lesson, options);
      if (!copied) continue;
      queue.splice(queue.indexOf(lesson), 1);
      downloads.push(copied);
      this.lessonDone();
    }
    // Positions are for diagnostics only; the site gets every model without them.
    const lessons = [...ownLibrary.lessons.map((lesson) => forSite(lesson)), ...(await Promise.all(sites)).flat()];
    // Lesson.file is shown relative to the working folder, as the loader names it.
    const order = new Map(
      this.prepared.jobs.map((job, index) => [path.relative(process.cwd(), job.file) || job.file, index]),
    );
    lessons.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
    const failure = Promise.all(rendered).then(() => new Promise<never>(() => {}));
    await Promise.race([alongside(lessons), failure]);
    // Take from the front; workers take from the back (`serve`).
    for (let lesson = queue.shift(); lesson; lesson = queue.shift()) {
      downloads.push(await renderLessonDownloads(lesson, ownLibrary, options));
      this.lessonDone();
    }
    for (const reply of await Promise.all(rendered)) downloads.push(...reply);
    return { lessons, downloads, finishedAt: this.finishedAt };
  }

  private lessonDone() {
    this.finishedAt = performance.now();
    this.onProgress();
  }

  /** Stop every worker (after an error, or an interrupted build). */
  async stop() {
    await Promise.all(this.workers.map((handle) => handle.worker.terminate()));
  }

  /**
   * Answer a worker's requests for more lessons from the back of `queue`, a
   * few at a time (an eighth of what is left, at most 8) so that this thread,
   * busy with the site, is asked seldom. Resolves with the worker's downloads.
   */
  private serve(worker: Worker, queue: Lesson[]): Promise<LessonDownloads[]> {
    return new Promise((resolve, reject) => {
      const listener = (reply: WorkerReply) => {
        if (reply.type === 'progress') this.lessonDone();
        else if (reply.type === 'more') {
          const count = Math.min(8, Math.ceil(queue.length / 8));
          const lessons = queue.splice(queue.length - count, count);
          worker.postMessage({ type: 'lessons', lessons } satisfies WorkerRequest);
        } else if (reply.type === 'rendered') {
          worker.off('message', listener);
          resolve(reply.downloads);
        }
      };
      worker.on('message', listener);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`a build worker stopped early (exit code ${code})`)));
    });
  }

  private next<T extends WorkerReply['type']>(worker: Worker, type: T): Promise<Extract<WorkerReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const listener = (reply: WorkerReply) => {
        if (reply.type === type) {
          worker.off('message', listener);
          resolve(reply as Extract<WorkerReply, { type: T }>);
        }
      };
      worker.on('message', listener);
      worker.once('error', reject);
    });
  }
}
