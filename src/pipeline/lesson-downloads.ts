import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';
import { copyCached, lessonKey, writeCached } from './download-cache.ts';
import { renderLessonFiles } from './render-downloads.ts';

export interface DownloadOptions {
  /** The cache key part shared by every lesson (renderers, templates, services, school). */
  sharedKey: string;
  /** The folder that becomes `/downloads/` (each lesson gets `<id>/`). */
  outDir: string;
  useCache: boolean;
}

export interface LessonDownloads {
  id: string;
  fromCache: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Copy a lesson's downloads and pack from the cache into `outDir/<id>/`, when
 * the lesson and everything it depends on are unchanged; undefined when they
 * must be rendered. Runs the same in the main thread and in a worker.
 */
export function copyCachedDownloads(lesson: Lesson, options: DownloadOptions): LessonDownloads | undefined {
  if (!options.useCache) return undefined;
  const copied = copyCached(lessonKey(options.sharedKey, lesson), path.join(options.outDir, lesson.id));
  return copied ? { id: lesson.id, fromCache: true, diagnostics: [] } : undefined;
}

/** Render one lesson's downloads and its pack into `outDir/<id>/`, and keep them in the cache. */
export async function renderLessonDownloads(
  lesson: Lesson,
  library: Library,
  options: DownloadOptions,
): Promise<LessonDownloads> {
  const key = lessonKey(options.sharedKey, lesson);
  const dir = path.join(options.outDir, lesson.id);
  const { files, diagnostics } = await renderLessonFiles(lesson, library);
  if (diagnostics.some((d) => d.severity === 'error')) return { id: lesson.id, fromCache: false, diagnostics };
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(path.join(dir, file.name), file.bytes);
  writeCached(key, files, dir);
  return { id: lesson.id, fromCache: false, diagnostics };
}
