import type { Lesson } from '../lesson/types.ts';

/**
 * The lesson models the site's pages render, handed from the loader to the
 * pages inside the one Astro process. Astro serialises its data store into a
 * JavaScript module of the server build, so a library of 1,000 lessons with
 * their markdown trees made a 49 MB module that Vite bundled and the build
 * parsed again (docs/benchmarks.md). The store keeps a small index entry per
 * lesson (it still drives `getCollection`, digests and reloads in
 * `astro dev`); the trees stay in memory, here, where `pshe build` or the
 * loader has already put them. The pages are prerendered in the same process
 * as the loader, but bundled apart from it, so the hand-over is on
 * `globalThis`.
 */
declare global {
  var __psheLessonModels: Map<string, Lesson> | undefined;
}

/** Publish the lessons of the latest load (the loader calls this on every sync). */
export function publishLessonModels(lessons: readonly Lesson[]): void {
  globalThis.__psheLessonModels = new Map(lessons.map((lesson) => [lesson.id, lesson]));
}

/** The model of a lesson in the site's collection. */
export function lessonModel(id: string): Lesson {
  const lesson = globalThis.__psheLessonModels?.get(id);
  if (!lesson) {
    throw new Error(
      `The lesson "${id}" is in the site's collection but its model was not handed over: ` +
        'build the site with `pshe build` or `astro build`, which run the lessons loader first.',
    );
  }
  return lesson;
}
