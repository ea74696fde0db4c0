import type { InstalledVersions } from '../platform/package-versions.ts';
import type { PrepareRequest, RenderReply, RenderRequest } from './render-messages.ts';

/** The worker's last answer to a request: the files, or why it failed. */
export type RenderResult = Exclude<RenderReply, { progress: unknown } | { prepared: true }>;

/**
 * The page's side of the render worker: one worker, started when first asked
 * and kept between runs (the renderers load once), a request at a time.
 * `stop()` ends the worker at once, whatever it is doing: the run under way
 * then answers nothing, and the next run starts a new worker.
 */
export class RenderClient {
  private worker: Worker | undefined;
  private next = 1;
  private cancelled: (() => void) | undefined;

  private readonly start: () => Worker;

  constructor(start: () => Worker) {
    this.start = start;
  }

  /** Start the worker and have it load the renderers now, before anything is asked of it. */
  prepare(versions: InstalledVersions): void {
    const worker = (this.worker ??= this.start());
    // A worker that fails to load now is started again by the first run, which then says why it fails.
    worker.onerror = () => {
      if (this.worker === worker) this.worker = undefined;
      worker.terminate();
    };
    worker.postMessage({ id: 0, prepare: versions } satisfies PrepareRequest);
  }

  /** Make the files; undefined when stopped before the answer came. */
  run(
    request: Omit<RenderRequest, 'id'>,
    onProgress: (done: number, total: number) => void,
  ): Promise<RenderResult | undefined> {
    this.stop();
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.cancelled = () => resolve(undefined);
      worker.onmessage = (message: MessageEvent<RenderReply>) => {
        const reply = message.data;
        if (reply.id !== id) return;
        if ('prepared' in reply) return;
        if ('progress' in reply) return onProgress(reply.progress.done, reply.progress.total);
        this.cancelled = undefined;
        resolve(reply);
      };
      worker.onerror = (error) => {
        this.cancelled = undefined;
        // A worker that failed to load or crashed is not used again.
        this.worker?.terminate();
        this.worker = undefined;
        reject(new Error(error.message || 'the worker stopped'));
      };
      worker.postMessage({ ...request, id } satisfies RenderRequest);
    });
  }

  /** End the run under way, if any (its promise resolves to undefined). */
  stop(): void {
    if (!this.cancelled) return;
    this.worker?.terminate();
    this.worker = undefined;
    const cancelled = this.cancelled;
    this.cancelled = undefined;
    cancelled();
  }
}
