import type { PreparedLibrary } from '../lesson/load-library.ts';
import { LessonPool } from '../pool/lesson-pool.ts';
import type { Rendered as PoolRendered } from '../pool/lesson-pool.ts';
import { copyCachedDownloads, renderLessonDownloads } from './lesson-downloads.ts';
import type { DownloadOptions, LessonDownloads } from './lesson-downloads.ts';

/** Below this many lessons a worker costs more to start than it saves. */
const MIN_LESSONS_PER_THREAD = 20;

/** What `render` returns: the site's models (library order, no positions) and each lesson's downloads. */
export type Rendered = PoolRendered<LessonDownloads>;

/**
 * The build's lessons, split over every core: the one lesson pool
 * (src/pool/lesson-pool.ts) whose workers (build-worker.ts) also write each
 * lesson's downloads. `load` is the check phase, `render` the downloads with
 * the site built alongside.
 */
export class BuildPool extends LessonPool<DownloadOptions, LessonDownloads> {
  constructor(prepared: PreparedLibrary, onProgress: () => void = () => {}) {
    super(prepared, {
      worker: new URL('./build-worker.ts', import.meta.url),
      minLessonsPerThread: MIN_LESSONS_PER_THREAD,
      renderer: { copy: copyCachedDownloads, render: renderLessonDownloads },
      onProgress,
    });
  }
}
