import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { codeVersion } from '../code-version.ts';
import type { Diagnostic, Lesson } from '../lesson/types.ts';
import { slideFitOf, type CheckLibrary } from './slide-fit-rules.ts';

export { addCapped, slideFitOf, type CheckLibrary } from './slide-fit-rules.ts';

/** Where each lesson's slide-fit warnings are kept between runs (beside the model cache). */
export const slideFitCacheDir = path.resolve('node_modules/.cache/pshe-kit/slide-fit');

const libraryKeys = new WeakMap<CheckLibrary, string>();

/** What every lesson's warnings depend on besides the lesson: the code, the folder it runs in, the services and school. */
function libraryKey(library: CheckLibrary): string {
  let key = libraryKeys.get(library);
  if (!key) {
    key = createHash('sha256')
      .update(codeVersion())
      .update('\0')
      .update(process.cwd())
      .update('\0')
      .update(JSON.stringify({ signposts: library.signposts, school: library.school ?? null }))
      .digest('hex');
    libraryKeys.set(library, key);
  }
  return key;
}

/**
 * A lesson model is a function of its file's text, its file and unit, the real
 * paths of its images, the character renames applied to it, the code and the
 * working folder (the model cache's key holds more, for the diagnostics):
 * those, with the library's key, name its slide-fit warnings. Slides measure
 * text only, never an image's bytes.
 */
function lessonKey(lesson: Lesson, library: CheckLibrary): string {
  const hash = createHash('sha256')
    .update('slide-fit-v2\0')
    .update(libraryKey(library))
    .update(`\0${lesson.file}\0${lesson.unit}\0${JSON.stringify(lesson.images ?? [])}\0`)
    .update(lesson.yamlSource);
  // A renamed model (`pshe build --rename`) is its YAML's and the renames'.
  if (lesson.renames) hash.update(`\0renames\0${JSON.stringify(lesson.renames)}`);
  return hash.digest('hex');
}

/** An entry: the SHA-256 of the JSON on the first line, then the JSON; read back only when they match. */
function readEntry(file: string): Diagnostic[] | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const json = text.slice(65);
    if (text[64] !== '\n' || createHash('sha256').update(json).digest('hex') !== text.slice(0, 64)) return undefined;
    const warnings = JSON.parse(json) as unknown;
    return Array.isArray(warnings) ? (warnings as Diagnostic[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `slide-too-long` and `deck-too-long` warnings of a lesson that loaded, laid out with the
 * library's services and school (the help slide). With `cache`, kept on disk
 * per lesson: laying out every slide costs about 0.5 ms a lesson, and a check
 * after one edit reads every other lesson's from here. `read: false`
 * (--no-cache) lays out again and refreshes the entry.
 */
export function slideFitWarnings(lesson: Lesson, library: CheckLibrary, cache?: { read: boolean }): Diagnostic[] {
  const measure = () => slideFitOf(lesson, library);
  if (!cache) return measure();
  const file = path.join(slideFitCacheDir, `${lessonKey(lesson, library)}.json`);
  if (cache.read) {
    const cached = readEntry(file);
    if (cached) return cached;
  }
  const warnings = measure();
  try {
    mkdirSync(slideFitCacheDir, { recursive: true });
    const json = JSON.stringify(warnings);
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temporary, `${createHash('sha256').update(json).digest('hex')}\n${json}`);
    renameSync(temporary, file);
  } catch {
    // The cache is an optimisation; a read-only node_modules must not fail the check.
  }
  return warnings;
}
