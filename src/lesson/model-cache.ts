import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { codeVersion } from '../code-version.ts';
import { loadLessonFile } from './load-lesson-file.ts';
import type { LessonContext, LessonJob, LessonResult } from './load-lesson-file.ts';

/** Where loaded lessons are kept between runs (design.md: node_modules/.cache/pshe-kit/). */
export const modelCacheDir = path.resolve('node_modules/.cache/pshe-kit/models');

const contextKeys = new WeakMap<LessonContext, string>();

/** What every lesson's result depends on besides its file: the code, the folder it runs in, and the context. */
function contextKey(context: LessonContext): string {
  let key = contextKeys.get(context);
  if (!key) {
    const shared = { ...context, modelCache: undefined };
    key = createHash('sha256')
      .update(codeVersion())
      .update('\0')
      .update(process.cwd())
      .update('\0')
      .update(JSON.stringify(shared))
      .digest('hex');
    contextKeys.set(context, key);
  }
  return key;
}

/**
 * Load one lesson file, from the model cache when `context.modelCache` says
 * so and the file, the help services, the school profile, the date and the
 * code are all as they were. A cached result is the loader's own (the model,
 * its markdown trees and positions, the facts and the diagnostics), stored
 * with `v8.serialize`: reading it back takes about 0.6 ms where parsing takes
 * about 20 (docs/benchmarks.md). A result also remembers whether each image
 * its markdown names existed, and is used only while that still holds.
 * Without `modelCache`, this is `loadLessonFile`.
 */
export function loadLesson(job: LessonJob, context: LessonContext): LessonResult {
  const mode = context.modelCache;
  if (!mode) return loadLessonFile(job, context);
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.file);
  } catch {
    return loadLessonFile(job, context);
  }
  const key = createHash('sha256')
    .update(contextKey(context))
    .update(`\0${job.file}\0${job.unit}\0`)
    .update(bytes)
    .digest('hex');
  const file = path.join(modelCacheDir, `${key}.v8`);
  if (mode.read && existsSync(file)) {
    try {
      const cached = deserialize(readFileSync(file)) as LessonResult;
      if ((cached.assets ?? []).every((asset) => existsSync(asset.file) === asset.exists)) return cached;
    } catch {
      // A damaged entry is loaded again and rewritten below.
    }
  }
  const result = loadLessonFile(job, context, bytes);
  try {
    mkdirSync(modelCacheDir, { recursive: true });
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temporary, serialize(result));
    renameSync(temporary, file);
  } catch {
    // The cache is an optimisation; a read-only node_modules must not fail the build.
  }
  return result;
}
