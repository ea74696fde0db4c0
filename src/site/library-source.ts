import path from 'node:path';
import { loadLibrary } from '../lesson/load-library.ts';
import type { LoadResult } from '../lesson/load-library.ts';

/** Where the site's library comes from (design.md: `--lessons DIR`, `--school FILE`). */
export interface LibrarySourceOptions {
  /** The library folder (default: `process.env.PSHE_LESSONS`, else `lessons`). */
  dir?: string;
  /** A school profile file used instead of `DIR/school.yaml` (default: `process.env.PSHE_SCHOOL`). */
  school?: string;
}

/** The folder and school file the site is built from, read from the environment when not given. */
export function resolveSource(options: LibrarySourceOptions = {}): { dir: string; school?: string } {
  const dir = options.dir ?? process.env.PSHE_LESSONS ?? 'lessons';
  const school = options.school ?? (process.env.PSHE_SCHOOL || undefined);
  return { dir: path.resolve(dir), school: school ? path.resolve(school) : undefined };
}

/**
 * One load of the library, shared by every collection's loader: Astro calls each
 * collection's `load` on its own, and parsing the library once per pass (not once
 * per collection) is the "no second parse" rule of design.md.
 *
 * `current()` returns the last load; `reload()` starts a new one. Concurrent
 * callers share the same promise.
 */
export class LibrarySource {
  readonly dir: string;
  readonly school?: string;
  #result?: Promise<LoadResult>;
  #listeners = new Map<string, (result: LoadResult) => Promise<void>>();
  #watching = new WeakSet<object>();
  #timer?: ReturnType<typeof setTimeout>;

  constructor(options: LibrarySourceOptions = {}) {
    const resolved = resolveSource(options);
    this.dir = resolved.dir;
    this.school = resolved.school;
  }

  current(): Promise<LoadResult> {
    const preloaded = this.#preloaded();
    if (preloaded) return Promise.resolve(preloaded);
    this.#result ??= this.reload();
    return this.#result;
  }

  /**
   * The library `pshe build` has already loaded and checked in this process
   * (`src/build/site.ts` sets it), when it is this folder's: no second load.
   * Its diagnostics were printed by the command, so none are passed on here.
   */
  #preloaded(): LoadResult | undefined {
    const given = (globalThis as { __psheLibrary?: { dir: string; library: LoadResult['library'] } }).__psheLibrary;
    if (!given || path.resolve(given.dir) !== this.dir) return undefined;
    // `pshe build` hands over models already stripped of positions (`stripped: true`).
    return { library: given.library, diagnostics: [], stripped: true } as LoadResult;
  }

  reload(): Promise<LoadResult> {
    // loadLibrary is synchronous; wrapping it keeps one promise for every caller of this pass.
    this.#result = Promise.resolve().then(() => loadLibrary(this.dir, { school: this.school }));
    return this.#result;
  }

  /** True when a changed file belongs to the library (its YAML, or the school file). */
  owns(file: string): boolean {
    const absolute = path.resolve(file);
    if (this.school && absolute === this.school) return true;
    return absolute.startsWith(this.dir + path.sep) && /\.ya?ml$/.test(absolute);
  }

  /**
   * In `astro dev`: watch the library folder once per watcher, and on any change
   * load the library again (once) and hand the result to every collection's sync.
   * Changes within 100 ms are taken together, since editors often write twice.
   */
  watch(
    watcher: {
      add(p: string): unknown;
      on(event: 'all', cb: (event: string, file: string) => void): unknown;
    },
    onError: (error: unknown) => void,
  ) {
    if (this.#watching.has(watcher)) return;
    this.#watching.add(watcher);
    watcher.add(this.dir);
    if (this.school) watcher.add(this.school);
    watcher.on('all', (event, file) => {
      if (!['add', 'change', 'unlink'].includes(event) || !this.owns(file)) return;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.reload()
          .then(async (result) => {
            for (const listener of this.#listeners.values()) await listener(result);
          })
          .catch(onError);
      }, 100);
    });
  }

  /** Register a collection's sync function for watch events (the latest one per collection wins). */
  subscribe(collection: string, listener: (result: LoadResult) => Promise<void>) {
    this.#listeners.set(collection, listener);
  }
}
