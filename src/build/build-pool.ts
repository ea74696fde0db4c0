import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { finishLibrary, loadLessonFile } from '../lesson/load-library.ts';
import type { LessonResult, LoadResult, PreparedLibrary } from '../lesson/load-library.ts';
import type { Lesson } from '../lesson/types.ts';
import type { WorkerReply, WorkerRequest } from './build-worker.ts';
import { forSite } from '../lesson/strip-positions.ts';
import { writeLessonDownloads } from './lesson-downloads.ts';
import type { DownloadOptions, LessonDownloads } from './lesson-downloads.ts';

/** Below this many lessons a worker costs more to start than it saves. */
const MIN_LESSONS_PER_THREAD = 20;

interface WorkerHandle {
  worker: Worker;
  loaded: Promise<LessonResult[]>;
  rendered?: Promise<{ lessons: Lesson[]; downloads: LessonDownloads[] }>;
}

/**
 * The build's lessons, split over every core: this thread and each worker load
 * their own share once (feasibility.md: no copies of parsed models for the
 * check), the library's cross-file rules run here, and only when the whole
 * library is clean does each thread write its share's downloads. The models
 * come back (without positions) for the site.
 */
export class BuildPool {
  private readonly prepared: PreparedLibrary;
  private readonly shares: PreparedLibrary['jobs'][];
  private readonly workers: WorkerHandle[] = [];
  private own: LessonResult[] = [];
  private readonly onProgress: () => void;

  constructor(prepared: PreparedLibrary, onProgress: () => void = () => {}) {
    this.prepared = prepared;
    this.onProgress = onProgress;
    const threads = Math.max(
      1,
      Math.min(availableParallelism(), Math.floor(prepared.jobs.length / MIN_LESSONS_PER_THREAD)),
    );
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
      const handle: WorkerHandle = { worker, loaded: this.next(worker, 'loaded').then((reply) => reply.results) };
      this.workers.push(handle);
    }
    this.own = (this.shares[0] ?? []).map((job) => loadLessonFile(job, this.prepared.context));
    const others = await Promise.all(this.workers.map((handle) => handle.loaded));
    const byFile = new Map([...this.own, ...others.flat()].map((result) => [result.job.file, result]));
    return finishLibrary(
      this.prepared,
      this.prepared.jobs.map((job) => byFile.get(job.file)!),
    );
  }

  /** Write every lesson's downloads; returns every lesson model, in library order. */
  async render(
    library: LoadResult['library'],
    options: DownloadOptions,
  ): Promise<{ lessons: Lesson[]; downloads: LessonDownloads[] }> {
    const shared = { dir: library.dir, signposts: library.signposts, school: library.school, units: library.units };
    for (const handle of this.workers) {
      handle.rendered = this.next(handle.worker, 'rendered', () => this.onProgress());
      handle.worker.postMessage({ type: 'render', library: shared, options } satisfies WorkerRequest);
    }
    const ownLessons = this.own.flatMap((result) => (result.lesson ? [result.lesson] : []));
    const ownLibrary = { ...shared, lessons: ownLessons };
    const downloads: LessonDownloads[] = [];
    for (const lesson of ownLessons) {
      downloads.push(await writeLessonDownloads(lesson, ownLibrary, options));
      this.onProgress();
    }
    const others = await Promise.all(this.workers.map((handle) => handle.rendered!));
    // Positions are for diagnostics only; the site gets every model without them, and this
    // thread lets go of its parsed share.
    const all = [...ownLessons.map((lesson) => forSite(lesson)), ...others.flatMap((reply) => reply.lessons)];
    this.own = [];
    // Lesson.file is shown relative to the working folder, as the loader names it.
    const order = new Map(
      this.prepared.jobs.map((job, index) => [path.relative(process.cwd(), job.file) || job.file, index]),
    );
    all.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
    return { lessons: all, downloads: [...downloads, ...others.flatMap((reply) => reply.downloads)] };
  }

  /** Stop every worker (after an error, or an interrupted build). */
  async stop() {
    await Promise.all(this.workers.map((handle) => handle.worker.terminate()));
  }

  private next<T extends WorkerReply['type']>(
    worker: Worker,
    type: T,
    onProgress?: () => void,
  ): Promise<Extract<WorkerReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const listener = (reply: WorkerReply) => {
        if (reply.type === 'progress') onProgress?.();
        else if (reply.type === type) {
          worker.off('message', listener);
          resolve(reply as Extract<WorkerReply, { type: T }>);
        }
      };
      worker.on('message', listener);
      worker.once('error', reject);
    });
  }
}
