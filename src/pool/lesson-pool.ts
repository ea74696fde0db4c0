import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkLesson, checkLibraryOf } from '../check/check-lesson.ts';
import type { CheckLibrary } from '../check/check-lesson.ts';
import { finishLibrary } from '../lesson/load-library.ts';
import type { LessonResult, LoadResult, PreparedLibrary } from '../lesson/load-library.ts';
import { forSite } from '../lesson/strip-positions.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import type { PoolRenderer, WorkerData, WorkerReply, WorkerRequest } from './protocol.ts';

/**
 * How many threads share `jobs` lessons: PSHE_THREADS when set (tests use it
 * to share a small library out), else one per core, but no more than one per
 * `minPerThread` lessons (below that a worker costs more to start than it saves).
 */
export function poolThreads(jobs: number, minPerThread: number): number {
  const requested = Number(process.env.PSHE_THREADS);
  if (Number.isInteger(requested) && requested >= 1) return Math.min(requested, Math.max(1, jobs));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(jobs / minPerThread)));
}

export interface PoolOptions<O, D> {
  /**
   * The workers' entry module: one that calls `runPoolWorker` (pool-worker.ts).
   * The default, check-worker.ts, only loads; the build's also renders.
   */
  worker?: URL;
  /** Lessons a thread must have to be worth starting (see {@link poolThreads}). */
  minLessonsPerThread: number;
  /** The render part, on this thread; the worker module must give its workers the same. */
  renderer?: PoolRenderer<O, D>;
  /** Called as each lesson's outputs are written. */
  onProgress?: () => void;
}

interface WorkerHandle {
  worker: Worker;
  loaded: Promise<LessonResult[]>;
}

/** What `render` returns: the site's models (library order, no positions) and each lesson's outputs. */
export interface Rendered<D> {
  lessons: Lesson[];
  downloads: D[];
  /** When the last lesson's outputs were written (`performance.now()`): the site may still have been building. */
  finishedAt: number;
}

/**
 * A library's lessons, split over every core: this thread and each worker
 * check their own share once (feasibility.md: no copies of parsed models for
 * the check), and `load` runs the library's cross-file rules here: the result
 * `pshe check` gives. `pshe check` stops there. `pshe build`, once the whole
 * library is clean, has the threads write the outputs (`render`): workers hand
 * their models (without positions) to this thread first, so the site can be
 * built here while they render; this thread then renders what is left of its
 * share, and workers that run dry take lessons from it, so no core waits.
 */
export class LessonPool<O = never, D = never> {
  private readonly prepared: PreparedLibrary;
  private readonly options: PoolOptions<O, D>;
  private readonly checkWith: CheckLibrary;
  private readonly shares: PreparedLibrary['jobs'][];
  private readonly workers: WorkerHandle[] = [];
  private own: LessonResult[] = [];
  private finishedAt = 0;

  constructor(prepared: PreparedLibrary, options: PoolOptions<O, D>) {
    this.prepared = prepared;
    this.options = options;
    this.checkWith = checkLibraryOf(prepared);
    const threads = poolThreads(prepared.jobs.length, options.minLessonsPerThread);
    // Every `threads`-th lesson: units are of every size, so shares come out even.
    this.shares = Array.from({ length: threads }, (_, share) =>
      prepared.jobs.filter((_, index) => index % threads === share),
    );
  }

  /** Check every lesson and run the library's rules: the result `pshe check` gives. */
  async load(): Promise<LoadResult> {
    for (const jobs of this.shares.slice(1)) {
      const worker = new Worker(this.options.worker ?? new URL('./check-worker.ts', import.meta.url), {
        workerData: { jobs, context: this.prepared.context, library: this.checkWith } satisfies WorkerData,
      });
      const loaded = this.next(worker, 'loaded').then((reply) => reply.results);
      this.workers.push({ worker, loaded });
    }
    this.own = (this.shares[0] ?? []).map((job) => checkLesson(job, this.prepared.context, this.checkWith));
    const others = await Promise.all(this.workers.map((handle) => handle.loaded));
    const byFile = new Map([...this.own, ...others.flat()].map((result) => [result.job.file, result]));
    return finishLibrary(
      this.prepared,
      this.prepared.jobs.map((job) => byFile.get(job.file)!),
    );
  }

  /**
   * Write every lesson's outputs (after `load`, with the pool's renderer).
   * `alongside` gets every lesson's site model as soon as the workers have
   * handed theirs over, and runs on this thread while they render (the site
   * build); this thread renders its own lessons after it.
   */
  async render(
    library: LoadResult['library'],
    options: O,
    alongside: (lessons: Lesson[]) => Promise<void> = async () => {},
  ): Promise<Rendered<D>> {
    const renderer = this.options.renderer;
    if (!renderer) throw new Error('this pool has no renderer: it only checks');
    // What every thread's renderers see: every service and unit, and no lesson but the one they
    // render (none reads another), so a model is let go once its files are written.
    const shared: Library = {
      dir: library.dir,
      signposts: library.signposts,
      school: library.school,
      units: library.units,
      lessons: [],
    };
    const queue = this.own.flatMap((result) => (result.lesson ? [result.lesson] : []));
    this.own = [];
    // Positions are for diagnostics only; the site gets every model without them.
    const ownSite = queue.map((lesson) => forSite(lesson));
    const sites = this.workers.map((handle) => this.next(handle.worker, 'site').then((reply) => reply.lessons));
    const rendered = this.workers.map((handle) => this.serve(handle.worker, queue));
    // Awaited below; a worker stopped after another failure must not count as an unhandled rejection.
    for (const promise of rendered) promise.catch(() => {});
    for (const handle of this.workers) {
      handle.worker.postMessage({ type: 'render', library: shared, options } satisfies WorkerRequest<O>);
    }
    const downloads: D[] = [];
    // Lessons whose outputs are in the cache are only copied: every thread copies its own
    // before anything else, so that a rebuild's outputs are over in a moment. What is left
    // in the queue is rendered.
    for (const lesson of [...queue]) {
      const copied = renderer.copy(lesson, options);
      if (!copied) continue;
      queue.splice(queue.indexOf(lesson), 1);
      downloads.push(copied);
      this.lessonDone();
    }
    const lessons = [...ownSite, ...(await Promise.all(sites)).flat()];
    // Lesson.file is shown relative to the working folder, as the loader names it.
    const order = new Map(
      this.prepared.jobs.map((job, index) => [path.relative(process.cwd(), job.file) || job.file, index]),
    );
    lessons.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
    const failure = Promise.all(rendered).then(() => new Promise<never>(() => {}));
    await Promise.race([alongside(lessons), failure]);
    // Take from the front; workers take from the back (`serve`).
    for (let lesson = queue.shift(); lesson; lesson = queue.shift()) {
      downloads.push(await renderer.render(lesson, shared, options));
      this.lessonDone();
    }
    for (const reply of await Promise.all(rendered)) downloads.push(...reply);
    return { lessons, downloads, finishedAt: this.finishedAt };
  }

  private lessonDone() {
    this.finishedAt = performance.now();
    this.options.onProgress?.();
  }

  /** Stop every worker (once loaded for a check; after an error, an interrupted build, or rendering). */
  async stop() {
    await Promise.all(this.workers.map((handle) => handle.worker.terminate()));
  }

  /**
   * Answer a worker's requests for more lessons from the back of `queue`, a
   * few at a time (an eighth of what is left, at most 8) so that this thread,
   * busy with the site, is asked seldom. Resolves with the worker's outputs.
   */
  private serve(worker: Worker, queue: Lesson[]): Promise<D[]> {
    return new Promise((resolve, reject) => {
      const listener = (reply: WorkerReply<D>) => {
        if (reply.type === 'progress') this.lessonDone();
        else if (reply.type === 'more') {
          const count = Math.min(8, Math.ceil(queue.length / 8));
          const lessons = queue.splice(queue.length - count, count);
          worker.postMessage({ type: 'lessons', lessons } satisfies WorkerRequest<O>);
        } else if (reply.type === 'rendered') {
          worker.off('message', listener);
          resolve(reply.downloads);
        }
      };
      worker.on('message', listener);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`a pool worker stopped early (exit code ${code})`)));
    });
  }

  private next<T extends WorkerReply['type']>(worker: Worker, type: T): Promise<Extract<WorkerReply<D>, { type: T }>> {
    return new Promise((resolve, reject) => {
      const listener = (reply: WorkerReply<D>) => {
        if (reply.type === type) {
          worker.off('message', listener);
          resolve(reply as Extract<WorkerReply<D>, { type: T }>);
        }
      };
      worker.on('message', listener);
      worker.once('error', reject);
    });
  }
}
