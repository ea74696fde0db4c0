import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { codeVersion } from '../code-version.ts';
import { readAsset } from '#assets';
import { limits } from '../limits.ts';
import { loadLessonFile } from './load-lesson-file.ts';
import { renameCharacters } from './rename.ts';
import { readBounded } from './read-file.ts';
import type { LessonContext, LessonJob, LessonResult } from './load-lesson-file.ts';

/** Where loaded lessons are kept between runs (design.md: node_modules/.cache/pshe-kit/). */
/** The texts in templates/ that the checks read: the built-in terminology and the letter home's frame. */
const checkTemplates = ['templates/terminology.yaml', 'templates/parent-letter.yaml'] as const;

let templatesVersion: string | undefined;

/**
 * A hash of the templates the lesson checks read (`checkTemplates`), once per
 * thread: a cache of check results (`model-cache.ts`) keys on it as it keys on
 * the code, so a school's edit to templates/terminology.yaml checks every lesson again.
 */
function checkTemplatesVersion(): string {
  if (templatesVersion) return templatesVersion;
  const hash = createHash('sha256');
  for (const name of checkTemplates) {
    hash.update(name).update('\0').update(readAsset(name));
  }
  templatesVersion = hash.digest('hex');
  return templatesVersion;
}

export const modelCacheDir = path.resolve('node_modules/.cache/pshe-kit/models');

const contextKeys = new WeakMap<LessonContext, string>();

/**
 * What every lesson's result depends on besides its file: the code, the
 * templates its checks read (the built-in terminology, the letter home), the
 * folder it runs in, and the context (the library's own terminology among it).
 */
function contextKey(context: LessonContext): string {
  let key = contextKeys.get(context);
  if (!key) {
    // Renames are applied to what the cache holds (`loadLesson`), never stored: a renamed build reads the same entries.
    const shared = { ...context, modelCache: undefined, renames: undefined };
    key = createHash('sha256')
      .update(codeVersion())
      .update('\0')
      .update(checkTemplatesVersion())
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
 * What a cache records of a file it depends on: the SHA-256 of its bytes,
 * or null when it is missing; for anything that is not a regular file of at
 * most `maxBytes`, a description from its stat (never its bytes).
 */
export function fileStamp(file: string, maxBytes: number = limits.imageBytes.value): string | null {
  const { bytes } = readBounded(file, maxBytes);
  if (bytes) return createHash('sha256').update(bytes).digest('hex');
  try {
    const stat = statSync(file);
    return `unread:${stat.mode}:${stat.size}:${stat.ino}:${stat.mtimeMs}:${stat.ctimeMs}`;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
  }
}

/** What an entry holds besides the result: the hash of each image it depends on when it was loaded. */
interface CacheEntry {
  result: LessonResult;
  stamps: { file: string; sha256: string | null }[];
}

/**
 * An entry on disk: the SHA-256 of the rest (32 bytes), then the
 * `v8.serialize`d entry. A file cut short or altered is never deserialized.
 */
function readEntry(file: string): CacheEntry | undefined {
  try {
    const bytes = readFileSync(file);
    if (bytes.length <= 32) return undefined;
    const payload = bytes.subarray(32);
    if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(0, 32))) return undefined;
    const entry = deserialize(payload) as CacheEntry;
    return entry && Array.isArray(entry.stamps) && entry.result ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Load one lesson file, from the model cache when `context.modelCache` says
 * so and the file (through links), the help services, the school profile,
 * the date and the code are all as they were. A cached result is the
 * loader's own (the model, its markdown trees and positions, the facts and
 * the diagnostics), stored with `v8.serialize` behind its own hash: reading
 * it back takes about 0.6 ms where parsing takes about 20
 * (docs/benchmarks.md). An entry also holds the hash of each image its
 * markdown names (or that it was missing), and is used only while every one
 * is unchanged: image rules read their size and pixels.
 * Without `modelCache`, this is `loadLessonFile`. With `context.renames`, the
 * lesson that loaded is then renamed (`renameCharacters`): its diagnostics
 * are those of the file as written.
 */
export function loadLesson(job: LessonJob, context: LessonContext): LessonResult {
  const result = loadOrReadLesson(job, context);
  // The one place a build's renames reach the models: every thread and the site load through here.
  if (!context.renames || !result.lesson) return result;
  const lesson = renameCharacters(result.lesson, context.renames);
  return lesson === result.lesson ? result : { ...result, lesson };
}

function loadOrReadLesson(job: LessonJob, context: LessonContext): LessonResult {
  const mode = context.modelCache;
  if (!mode) return loadLessonFile(job, context);
  // Read through links: a linked lesson is keyed on the bytes it points to. Anything but a regular
  // file within the limit is the loader's to report, uncached.
  const { bytes } = readBounded(job.file, limits.fileBytes.value);
  if (!bytes) return loadLessonFile(job, context);
  const key = createHash('sha256')
    .update('model-cache-v2\0')
    .update(contextKey(context))
    .update(`\0${job.file}\0${job.unit}\0`)
    .update(bytes)
    .digest('hex');
  const file = path.join(modelCacheDir, `${key}.v8`);
  if (mode.read && existsSync(file)) {
    const cached = readEntry(file);
    if (cached?.stamps.every((stamp) => fileStamp(stamp.file) === stamp.sha256)) return cached.result;
  }
  const result = loadLessonFile(job, context, bytes);
  try {
    const files = [...new Set((result.assets ?? []).map((asset) => asset.file))].sort();
    const entry: CacheEntry = { result, stamps: files.map((asset) => ({ file: asset, sha256: fileStamp(asset) })) };
    const payload = serialize(entry);
    mkdirSync(modelCacheDir, { recursive: true });
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temporary, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    renameSync(temporary, file);
  } catch {
    // The cache is an optimisation; a read-only node_modules must not fail the build.
  }
  return result;
}
