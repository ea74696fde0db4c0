// What the pool's threads say to each other (src/pool/lesson-pool.ts, src/pool/pool-worker.ts).
import type { CheckLibrary } from '../check/check-lesson.ts';
import type { LessonContext, LessonJob, LessonResult } from '../lesson/load-library.ts';
import type { Lesson, Library } from '../lesson/types.ts';

/** What a worker starts with: its share of the lessons and what checking them needs. */
export interface WorkerData {
  jobs: LessonJob[];
  context: LessonContext;
  library: CheckLibrary;
}

/** Main thread → worker. `O` is what the renderer is told (the build's download options). */
export type WorkerRequest<O = unknown> =
  | { type: 'render'; library: Library; options: O }
  /** More lessons to render, taken from the main thread's share; none left when empty. */
  | { type: 'lessons'; lessons: Lesson[] };

/** Worker → main thread. `D` is what rendering one lesson gives (the build's downloads). */
export type WorkerReply<D = unknown> =
  | { type: 'loaded'; results: LessonResult[] }
  | { type: 'site'; lessons: Lesson[] }
  | { type: 'progress' }
  | { type: 'more' }
  | { type: 'rendered'; downloads: D[] };

/**
 * The render part of the pool, given by the stage that renders (src/pipeline):
 * `copy` gives a lesson's outputs from a cache (or undefined), `render` makes them.
 */
export interface PoolRenderer<O, D> {
  copy(lesson: Lesson, options: O): D | undefined;
  render(lesson: Lesson, library: Library, options: O): Promise<D>;
}
