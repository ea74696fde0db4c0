import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { codeVersion, srcDir } from '../code-version.ts';
import { fileStamp } from '../lesson/model-cache.ts';
import { stripPositions } from '../lesson/strip-positions.ts';
import type { Lesson, Unit } from '../lesson/types.ts';

/** Where built downloads are kept between builds (design.md: node_modules/.cache/pshe-kit/). */
export const downloadCacheDir = path.resolve('node_modules/.cache/pshe-kit/downloads');

const rootDir = path.dirname(srcDir);

/** Every file under `dir`, following symbolic links (a linked template counts by what it points to). */
function filesFollowingLinks(dir: string, seen = new Set<string>()): string[] {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return [];
  }
  // A link back up the tree is read once, not forever.
  if (seen.has(real)) return [];
  seen.add(real);
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    let stat;
    try {
      stat = entry.isSymbolicLink() ? statSync(file) : entry;
    } catch {
      continue; // a dangling link
    }
    if (stat.isDirectory()) files.push(...filesFollowingLinks(file, seen));
    else if (stat.isFile()) files.push(file);
  }
  return files;
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string) {
  if (!existsSync(dir)) return;
  for (const file of filesFollowingLinks(dir).sort())
    hash.update(path.relative(rootDir, file)).update(readFileSync(file));
}

let ownDependencies: string | undefined;

/** {@link dependencyVersions} of this copy, worked out once per thread. */
function rendererDependencies(): string {
  ownDependencies ??= dependencyVersions();
  return ownDependencies;
}

/**
 * What every lesson's downloads depend on besides the lesson itself: the
 * code (all of src/ but the website), the templates, package.json and the
 * resolved version of every production package (package-lock.json), the help
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
  /** The lockfile (default: this copy's package-lock.json; tests pass a copy). */
  lockFile?: string;
}): string {
  const hash = createHash('sha256');
  hash.update(codeVersion(inputs.codeDir));
  hashTree(hash, inputs.templatesDir ?? path.join(rootDir, 'templates'));
  hash.update(readFileSync(path.join(rootDir, 'package.json')));
  hash.update(inputs.lockFile ? dependencyVersions(rootDir, inputs.lockFile) : rendererDependencies());
  // Every pack holds both licences.
  for (const licence of ['LICENSE', 'LICENSE-CONTENT.md']) hash.update(readFileSync(path.join(rootDir, licence)));
  hash.update(readFileSync(inputs.signpostsFile));
  if (inputs.schoolFile && existsSync(inputs.schoolFile)) hash.update(readFileSync(inputs.schoolFile));
  for (const file of inputs.assets ?? []) hash.update(`\0${file}\0${fileStamp(file)}`);
  hash.update(process.env.SOURCE_DATE_EPOCH ?? '');
  return hash.digest('hex');
}

/** A lockfile's `packages`: path under the project (`node_modules/a/node_modules/b`) to what npm resolved there. */
type LockPackages = Record<string, { version?: string; integrity?: string; resolved?: string; dev?: boolean }>;

/** `packages` of the first lockfile that is there: package-lock.json, else npm's hidden node_modules/.package-lock.json. */
function readLockPackages(files: readonly string[]): LockPackages | undefined {
  for (const file of files) {
    try {
      const packages = (JSON.parse(readFileSync(file, 'utf8')) as { packages?: LockPackages }).packages;
      if (packages && typeof packages === 'object') return packages;
    } catch {
      // missing or unreadable: try the next
    }
  }
  return undefined;
}

/**
 * The installed production packages, walked from package.json's dependencies,
 * for a copy with no lockfile (installed from the registry): each package's
 * path and version, as npm resolves them (nearest node_modules upwards).
 */
function installedPackages(root: string): LockPackages {
  const found: LockPackages = {};
  const visit = (from: string, names: string[]) => {
    for (const name of names) {
      for (let dir = from; ; dir = path.dirname(dir)) {
        const folder = path.join(dir, 'node_modules', name);
        if (existsSync(path.join(folder, 'package.json'))) {
          const key = path.relative(root, folder).split(path.sep).join('/');
          if (!(key in found)) {
            const json = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
              version?: string;
              dependencies?: Record<string, string>;
              optionalDependencies?: Record<string, string>;
            };
            found[key] = { version: json.version };
            visit(folder, Object.keys({ ...json.dependencies, ...json.optionalDependencies }));
          }
          break;
        }
        if (path.dirname(dir) === dir) break;
      }
    }
  };
  const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  visit(root, Object.keys({ ...own.dependencies, ...own.optionalDependencies }));
  return found;
}

/**
 * What the renderers run on, to the last transitive package: every
 * production entry of package-lock.json's `packages` (path, version,
 * integrity), dev-only ones left out. All of them rather than the renderers'
 * closure: any production package can reach a download (pdfkit's png-js and
 * linebreak, fontkit's restructure, fflate in the zips, yaml and unified for
 * the templates) and a hand-kept list would fall behind, while an Astro-only
 * update costs one cold render. With no lockfile (a copy installed from the
 * registry) the installed dependency tree is walked instead.
 */
export function dependencyVersions(root: string = rootDir, lockFile?: string): string {
  const packages =
    readLockPackages(
      lockFile
        ? [lockFile]
        : [path.join(root, 'package-lock.json'), path.join(root, 'node_modules/.package-lock.json')],
    ) ?? installedPackages(root);
  const hash = createHash('sha256');
  for (const name of Object.keys(packages).sort()) {
    const entry = packages[name];
    if (entry.dev === true) continue;
    hash.update(`${name}\0${entry.version ?? ''}\0${entry.integrity ?? entry.resolved ?? ''}\n`);
  }
  return hash.digest('hex');
}

const lessonKeys = new WeakMap<Lesson, { shared: string; key: string }>();

/**
 * The cache key of one lesson's downloads (worked out once per lesson and
 * build: the unit packs ask again): its file, its YAML, the character renames
 * applied to its model (a build with `--rename` after one without renders the
 * lessons they change, and only those), and its images.
 */
export function lessonKey(shared: string, lesson: Lesson): string {
  const known = lessonKeys.get(lesson);
  if (known?.shared === shared) return known.key;
  const hash = createHash('sha256').update(shared).update(lesson.file).update(lesson.yamlSource);
  // A renamed lesson (`pshe build --rename`): the renames that changed it. Its `yamlSource` is renamed
  // too, but text alone could match a lesson written with the new names whose code spans differ.
  if (lesson.renames) hash.update(`\0renames\0${JSON.stringify(lesson.renames)}`);
  // The images its markdown points to are part of its PDFs: a changed picture is a changed lesson.
  for (const image of lesson.images ?? []) {
    hash.update(`\0${image}\0${fileStamp(image)}`);
  }
  const key = hash.digest('hex');
  lessonKeys.set(lesson, { shared, key });
  return key;
}

/**
 * The cache key of a unit's pack: the unit as written and the keys of the
 * lessons in it, in order, and the day its approval sheet checks services
 * against (ISO; an overdue mark depends on it).
 */
export function unitKey(shared: string, unit: Unit, lessons: readonly Lesson[], day = ''): string {
  const hash = createHash('sha256')
    .update(shared)
    .update('\0unit\0')
    .update(JSON.stringify(stripPositions(unit)));
  for (const lesson of lessons) hash.update(`\0${lessonKey(shared, lesson)}`);
  if (day) hash.update(`\0day\0${day}`);
  return hash.digest('hex');
}

export interface CachedFile {
  name: string;
  bytes: Uint8Array;
}

/** What a cache entry's manifest records of each file: its name, size and SHA-256. */
interface ManifestEntry {
  name: string;
  size: number;
  sha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A file name the cache may hold: one plain name, never a path. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Read a cache entry and check every file against the size and hash its
 * manifest recorded; undefined when the entry is missing, damaged or was
 * written by an older version (a file cut short, edited, or gone).
 */
export function readCached(key: string): CachedFile[] | undefined {
  const dir = path.join(downloadCacheDir, key);
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as unknown;
    if (!Array.isArray(manifest) || manifest.length === 0) return undefined;
    const files: CachedFile[] = [];
    for (const entry of manifest as Partial<ManifestEntry>[]) {
      if (typeof entry?.name !== 'string' || !SAFE_NAME.test(entry.name) || typeof entry.sha256 !== 'string')
        return undefined;
      const bytes = readFileSync(path.join(dir, entry.name));
      if (bytes.length !== entry.size || sha256(bytes) !== entry.sha256) return undefined;
      files.push({ name: entry.name, bytes });
    }
    return files;
  } catch {
    return undefined;
  }
}

/**
 * Whether the cache holds an entry for `key` (its manifest is there), without
 * reading or checking its files: for work that is only worth doing when the
 * entry will be missed. `copyCached` still checks every file before use.
 */
export function hasCached(key: string): boolean {
  return existsSync(path.join(downloadCacheDir, key, 'manifest.json'));
}

/**
 * Write a lesson's (or a unit's) cached files into `toDir`, each checked
 * against its hash first: a damaged entry is never copied, it is rendered
 * again. Returns the file names, or undefined when the entry is missing or
 * damaged (then nothing was written).
 */
export function copyCached(key: string, toDir: string): string[] | undefined {
  const files = readCached(key);
  if (!files) return undefined;
  mkdirSync(toDir, { recursive: true });
  // Copies, not links: two outputs made from one entry stay apart (a file edited in place in one
  // never changes the other).
  for (const file of files) writeFileSync(path.join(toDir, file.name), file.bytes);
  return files.map((file) => file.name);
}

/**
 * Put a file's bytes at `to` in the cache, as a second name for the output
 * file `from` that holds them already (a hard link: no second write of a
 * build's 1.5 GB, for about 4 s of a cold 1,000-lesson build), else written
 * out (another file system, or links refused). Safe for the cache: it checks
 * every file's hash before using one, so an output file edited in place is
 * rendered again, never copied; and what it copies out is a copy.
 */
function placeFile(from: string | undefined, to: string, bytes: Uint8Array) {
  if (from) {
    try {
      linkSync(from, to);
      return;
    } catch {
      // Written out below.
    }
  }
  writeFileSync(to, bytes);
}

/**
 * Store a lesson's files; the manifest (names, sizes, hashes) is written
 * last, so a half-written entry is never read. `writtenIn`: a folder that
 * already holds these very bytes under the same names (the build's output).
 */
export function writeCached(key: string, files: readonly CachedFile[], writtenIn?: string) {
  const dir = path.join(downloadCacheDir, key);
  const temporary = `${dir}.${process.pid}-${threadId}.tmp`;
  try {
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(temporary, { recursive: true });
    const manifest: ManifestEntry[] = [];
    for (const file of files) {
      if (!SAFE_NAME.test(file.name) || file.name === 'manifest.json') throw new Error(`unsafe name ${file.name}`);
      placeFile(writtenIn && path.join(writtenIn, file.name), path.join(temporary, file.name), file.bytes);
      manifest.push({ name: file.name, size: file.bytes.length, sha256: sha256(file.bytes) });
    }
    writeFileSync(path.join(temporary, 'manifest.json'), JSON.stringify(manifest));
    rmSync(dir, { recursive: true, force: true });
    renameSync(temporary, dir);
  } catch {
    // The cache is an optimisation; a failure to write it never fails the build.
    rmSync(temporary, { recursive: true, force: true });
  }
}
