import type { School } from '../lesson/types.ts';
import type { AssetName } from '../platform/asset-files.ts';
import type { InstalledVersions } from '../platform/package-versions.ts';
import type { Diagnostic } from '../lesson/types.ts';
import type { LessonPreview } from '../preview/lesson-preview.ts';
import type { CheckRequest, RenderReply, RenderRequest, RenderTextRequest, WorkerRequest } from './render-messages.ts';

/** The worker's last answer to a request to make files: the files, or why it failed. */
export type RenderResult = Extract<RenderReply, { files: unknown } | { error: string }>;

/** A school.yaml's text as `pshe build --school` reads it: the profile, or its problems. */
export type SchoolRead = Extract<RenderReply, { diagnostics: unknown; school?: unknown }>;

interface Pending {
  resolve(reply: RenderReply | undefined): void;
  reject(error: Error): void;
  onProgress?(done: number, total: number): void;
}

/**
 * The page's side of the render worker: one worker, started as the page opens
 * (`prepare`) and kept between runs (the renderers load once). Each request has
 * an id, and its answer goes to the caller that asked. `stop()` ends the worker
 * at once, whatever it is doing: every request under way answers undefined, and
 * a new worker is prepared for the next.
 */
export class RenderClient {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly start: () => Worker;
  private versions: InstalledVersions | undefined;
  private assets: [AssetName, Uint8Array][] | undefined;

  constructor(start: () => Worker) {
    this.start = start;
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.onmessage = (message: MessageEvent<RenderReply>) => {
      const reply = message.data;
      const waiting = this.pending.get(reply.id);
      if (!waiting || 'prepared' in reply) return;
      if ('progress' in reply) return waiting.onProgress?.(reply.progress.done, reply.progress.total);
      this.pending.delete(reply.id);
      waiting.resolve(reply);
    };
    worker.onerror = (error) => {
      // A worker that failed to load or crashed is not used again; what waited on it is told why.
      if (this.worker === worker) this.worker = undefined;
      worker.terminate();
      const failed = new Error(error.message || 'the worker stopped');
      for (const waiting of this.pending.values()) waiting.reject(failed);
      this.pending.clear();
    };
    if (this.versions) {
      worker.postMessage({
        id: 0,
        prepare: this.versions,
        ...(this.assets ? { assets: this.assets } : {}),
      } satisfies WorkerRequest);
    }
    this.worker = worker;
    return worker;
  }

  private ask(request: WorkerRequest, onProgress?: Pending['onProgress']): Promise<RenderReply | undefined> {
    const worker = this.ensure();
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject, onProgress });
      worker.postMessage(request);
    });
  }

  /** Start the worker and have it load the renderers now, before anything is asked of it. */
  prepare(versions: InstalledVersions, assets?: [AssetName, Uint8Array][]): void {
    this.versions = versions;
    this.assets = assets;
    this.ensure();
  }

  /** Check a lesson's text as `pshe check` does (the prepared worker has the assets); undefined when stopped. */
  async check(
    request: CheckRequest['check'],
  ): Promise<{ diagnostics: Diagnostic[]; preview?: LessonPreview } | { error: string } | undefined> {
    const reply = await this.ask({ id: this.next++, check: request });
    if (!reply) return undefined;
    if ('checked' in reply) return { diagnostics: reply.checked, ...(reply.preview ? { preview: reply.preview } : {}) };
    return 'error' in reply ? { error: reply.error } : { error: 'the worker answered something else' };
  }

  /** Make the files; undefined when stopped before the answer came. */
  async run(
    request: Omit<RenderRequest, 'id'>,
    onProgress: (done: number, total: number) => void,
  ): Promise<RenderResult | undefined> {
    return (await this.ask({ ...request, id: this.next++ }, onProgress)) as RenderResult | undefined;
  }

  /** Make every file of a lesson from its text (the editor); undefined when stopped. */
  async renderText(request: Omit<RenderTextRequest, 'id'>): Promise<RenderResult | undefined> {
    return (await this.ask({ ...request, id: this.next++ })) as RenderResult | undefined;
  }

  /** Check a school.yaml's text as the loader does (the worker has the schema; the page does not load it). */
  async readSchool(
    bytes: Uint8Array,
    assets: [AssetName, Uint8Array][],
  ): Promise<{ school?: School; diagnostics: Diagnostic[] } | { error: string } | undefined> {
    return (await this.ask({ id: this.next++, readSchool: bytes, assets })) as
      SchoolRead | { error: string } | undefined;
  }

  /** Whether a request is under way. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** End every request under way, if any (each answers undefined); the next request starts a new worker. */
  stop(): void {
    if (!this.pending.size) return;
    this.worker?.terminate();
    this.worker = undefined;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const one of waiting) one.resolve(undefined);
    if (this.versions) this.ensure();
  }
}
