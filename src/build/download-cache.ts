import { createHash } from 'node:crypto';
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { codeVersion, srcDir } from '../code-version.ts';
import { stripPositions } from '../lesson/strip-positions.ts';
import type { Lesson, Unit } from '../lesson/types.ts';

/** Where built downloads are kept between builds (design.md: node_modules/.cache/pshe-kit/). */
export const downloadCacheDir = path.resolve('node_modules/.cache/pshe-kit/downloads');

const rootDir = path.dirname(srcDir);

function hashTree(hash: ReturnType<typeof createHash>, dir: string) {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(path.relative(rootDir, file)).update(readFileSync(file));
}

/**
 * What every lesson's downloads depend on besides the lesson itself: the
 * code (all of src/ but the website), the templates, the fonts' package versions, the help
 * services and the school profile. Any change to these invalidates every entry.
 */
export function sharedKey(inputs: {
  signpostsFile: string;
  schoolFile?: string;
  templatesDir?: string;
  /** The code folder (default: this copy's src/; tests pass a copy). */
  codeDir?: string;
  /** Other files every download shows (the school's logo). */
  assets?: readonly string[];
}): string {
  const hash = createHash('sha256');
  hash.update(codeVersion(inputs.codeDir));
  hashTree(hash, inputs.templatesDir ?? path.join(rootDir, 'templates'));
  hash.update(readFileSync(path.join(rootDir, 'package.json')));
  // Every pack holds both licences.
  for (const licence of ['LICENSE', 'LICENSE-CONTENT.md']) hash.update(readFileSync(path.join(rootDir, licence)));
  hash.update(readFileSync(inputs.signpostsFile));
  if (inputs.schoolFile && existsSync(inputs.schoolFile)) hash.update(readFileSync(inputs.schoolFile));
  for (const file of inputs.assets ?? []) hash.update(`\0${file}\0`).update(existsSync(file) ? readFileSync(file) : '');
  hash.update(process.env.SOURCE_DATE_EPOCH ?? '');
  return hash.digest('hex');
}

const lessonKeys = new WeakMap<Lesson, { shared: string; key: string }>();

/** The cache key of one lesson's downloads (worked out once per lesson and build: the unit packs ask again). */
export function lessonKey(shared: string, lesson: Lesson): string {
  const known = lessonKeys.get(lesson);
  if (known?.shared === shared) return known.key;
  const hash = createHash('sha256').update(shared).update(lesson.file).update(lesson.yamlSource);
  // The images its markdown points to are part of its PDFs: a changed picture is a changed lesson.
  for (const image of lesson.images ?? []) {
    hash.update(`\0${image}\0`);
    if (existsSync(image)) hash.update(readFileSync(image));
  }
  const key = hash.digest('hex');
  lessonKeys.set(lesson, { shared, key });
  return key;
}

/** The cache key of a unit's pack: the unit as written and the keys of the lessons in it, in order. */
export function unitKey(shared: string, unit: Unit, lessons: readonly Lesson[]): string {
  const hash = createHash('sha256')
    .update(shared)
    .update('\0unit\0')
    .update(JSON.stringify(stripPositions(unit)));
  for (const lesson of lessons) hash.update(`\0${lessonKey(shared, lesson)}`);
  return hash.digest('hex');
}

export interface CachedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Copy a lesson's cached files into `toDir` (a reflink where the file system
 * has them, else a kernel copy: the bytes never pass through JavaScript).
 * Returns the file names, or undefined when the entry is missing or damaged.
 */
export function copyCached(key: string, toDir: string): string[] | undefined {
  const dir = path.join(downloadCacheDir, key);
  const manifest = path.join(dir, 'manifest.json');
  if (!existsSync(manifest)) return undefined;
  try {
    const names = JSON.parse(readFileSync(manifest, 'utf8')) as string[];
    mkdirSync(toDir, { recursive: true });
    for (const name of names) copyFileSync(path.join(dir, name), path.join(toDir, name), constants.COPYFILE_FICLONE);
    return names;
  } catch {
    return undefined;
  }
}

/** Store a lesson's files; the manifest is written last, so a half-written entry is never read. */
export function writeCached(key: string, files: readonly CachedFile[]) {
  const dir = path.join(downloadCacheDir, key);
  const temporary = `${dir}.${process.pid}.tmp`;
  try {
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(temporary, { recursive: true });
    for (const file of files) writeFileSync(path.join(temporary, file.name), file.bytes);
    writeFileSync(path.join(temporary, 'manifest.json'), JSON.stringify(files.map((file) => file.name)));
    rmSync(dir, { recursive: true, force: true });
    renameSync(temporary, dir);
  } catch {
    // The cache is an optimisation; a failure to write it never fails the build.
    rmSync(temporary, { recursive: true, force: true });
  }
}
