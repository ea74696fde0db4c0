import path from 'node:path';
import { loadLibrary } from '../lesson/load-library.ts';
import type { LoadResult } from '../lesson/load-library.ts';
import type { CharacterRenames } from '../lesson/rename.ts';
import type { Lesson, Library } from '../lesson/types.ts';

/**
 * The one way the lesson library reaches the site (issue 12).
 *
 * `pshe build` and `pshe dev` call {@link useLibrarySource} before they start
 * Astro; the Content Layer loaders (`loader.ts`) and the pages
 * (`lib/library.ts`) read {@link librarySource}. Nothing passes through
 * environment variables or `globalThis`.
 *
 * That works because this module has exactly one instance per process: Astro
 * loads the content config through one Vite module runner, renders pages in
 * `astro dev` through another and, in a build, from a bundle of their own, so
 * an ordinary module would be copied into each. `astro.config.mjs` tells Vite
 * to leave this file to Node (its `pshe-library-source` plugin), so every one
 * of those imports, and `src/pipeline`'s, reaches the same module. Keep this file
 * plain TypeScript that Node runs as it is (no enums, no parameter properties).
 */

/** Where the site's library comes from (design.md: `--lessons DIR`, `--school FILE`). */
export interface LibrarySourceOptions {
  /** The library folder. */
  dir: string;
  /** A school profile file used instead of `DIR/school.yaml`. */
  school?: string;
  /**
   * The library `pshe build` has already loaded and checked in this process,
   * positions stripped: the loaders use it as it is, with no second load.
   * Its diagnostics were printed by the command, so none are passed on.
   */
  library?: Library;
  /** Characters to rename in every lesson loaded here (`pshe dev --rename`; `renameCharacters`). */
  renames?: CharacterRenames;
}

/** What a Vite or Astro file watcher offers that {@link LibrarySource.watch} needs. */
export interface LibraryWatcher {
  add(paths: string): unknown;
  on(event: 'all', listener: (event: string, file: string) => void): unknown;
}

/**
 * One load of the library, shared by every collection's loader: Astro calls each
 * collection's `load` on its own, and parsing the library once per pass (not once
 * per collection) is the "no second parse" rule of design.md. It also keeps the
 * models of the latest load for the pages: the content store holds only a small
 * index per lesson (docs/decisions.md, "Website").
 *
 * `current()` returns the last load; `reload()` starts a new one. Concurrent
 * callers share the same promise.
 */
export class LibrarySource {
  readonly dir: string;
  readonly school?: string;
  readonly #preloaded?: Library;
  readonly #renames?: CharacterRenames;
  #result?: Promise<LoadResult>;
  #lessons = new Map<string, Lesson>();
  #listeners = new Map<string, (result: LoadResult) => Promise<void>>();
  #watching = new WeakSet<object>();
  #timer?: ReturnType<typeof setTimeout>;

  constructor(options: LibrarySourceOptions) {
    this.dir = path.resolve(options.dir);
    this.school = options.school ? path.resolve(options.school) : undefined;
    this.#preloaded = options.library;
    this.#renames = options.renames;
  }

  current(): Promise<LoadResult> {
    this.#result ??= this.#preloaded ? Promise.resolve({ library: this.#preloaded, diagnostics: [] }) : this.reload();
    return this.#result;
  }

  reload(): Promise<LoadResult> {
    // loadLibrary is synchronous; wrapping it keeps one promise for every caller of this pass.
    this.#result = Promise.resolve().then(() => loadLibrary(this.dir, { school: this.school, renames: this.#renames }));
    return this.#result;
  }

  /** Hand the lessons of the latest load to the pages (the lessons loader calls this on every sync). */
  publishLessons(lessons: readonly Lesson[]): void {
    this.#lessons = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  }

  /** The model of a lesson in the site's collection. */
  lesson(id: string): Lesson {
    const lesson = this.#lessons.get(id);
    if (!lesson) {
      throw new Error(
        `The lesson "${id}" is in the site's collection but its model was not handed over: ` +
          'build the site with `pshe build` or `astro build`, which run the lessons loader first.',
      );
    }
    return lesson;
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
  watch(watcher: LibraryWatcher, onError: (error: unknown) => void): void {
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
  subscribe(collection: string, listener: (result: LoadResult) => Promise<void>): void {
    this.#listeners.set(collection, listener);
  }
}

let active: LibrarySource | undefined;

/**
 * Make `options` the library the site is built or served from, until
 * {@link releaseLibrarySource}. `pshe build` calls this before Astro's
 * `build()`, `pshe dev` before `dev()`.
 */
export function useLibrarySource(options: LibrarySourceOptions): LibrarySource {
  active = new LibrarySource(options);
  return active;
}

/** Forget `source` (and the models it holds) once its build is over. */
export function releaseLibrarySource(source: LibrarySource): void {
  if (active === source) active = undefined;
}

/**
 * The library the site is built from. When neither `pshe build` nor `pshe dev`
 * chose one, Astro was started by hand (`astro build`, `astro dev`): then the
 * folder is `PSHE_LESSONS` (default `lessons`) and the school file
 * `PSHE_SCHOOL`, the plain `astro` command's only way to take options.
 */
export function librarySource(): LibrarySource {
  active ??= new LibrarySource({
    dir: process.env.PSHE_LESSONS || 'lessons',
    school: process.env.PSHE_SCHOOL || undefined,
  });
  return active;
}

/** The model of a lesson in the site's collection (pages call this). */
export function lessonModel(id: string): Lesson {
  return librarySource().lesson(id);
}
