import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { codeVersion } from '../code-version.ts';
import type { LoadOptions } from '../lesson/load-library.ts';
import { limits } from '../limits.ts';
import { fileStamp } from '../lesson/model-cache.ts';
import { isInside } from '../library-file.ts';
import { checkLibraryParallel } from '../pool/check-library.ts';
import type { Diagnostic } from '../lesson/types.ts';

/** Where PSHE Kit keeps its caches (design.md: node_modules/.cache/pshe-kit/). */
export const cacheDir = path.resolve('node_modules/.cache/pshe-kit');

/**
 * The YAML files the loader reads: the library's own (signposts.yaml,
 * school.yaml) and those of each unit folder, one level down. Symbolic links
 * are followed (stat, not lstat), so a linked lesson counts by the bytes it
 * points to; deeper folders are not the library's, and are not walked.
 */
function libraryFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(folder, name);
      let stat;
      try {
        stat = statSync(file);
      } catch {
        // A dangling link: the loader reports it; its name alone is part of the key.
        if (/\.ya?ml$/.test(name)) files.push(file);
        continue;
      }
      if (stat.isFile() && /\.ya?ml$/.test(name)) files.push(file);
      else if (stat.isDirectory() && depth === 0) walk(file, 1);
    }
  };
  if (existsSync(dir)) walk(dir, 0);
  return files.sort();
}

/** The real path of `file`, links followed, or the path itself when it cannot be resolved. */
function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** What a result depends on besides YAML (images, the school's logo): each file's SHA-256, or null when missing. */
interface AssetStamp {
  file: string;
  sha256: string | null;
}

interface CheckCacheEntry {
  diagnostics: Diagnostic[];
  assets: AssetStamp[];
}

/** A cache file: the SHA-256 of the JSON on the first line, then the JSON; read back only when they match. */
function readEntry(cacheFile: string): CheckCacheEntry | undefined {
  try {
    const text = readFileSync(cacheFile, 'utf8');
    const newline = text.indexOf('\n');
    const json = text.slice(newline + 1);
    if (newline !== 64 || createHash('sha256').update(json).digest('hex') !== text.slice(0, 64)) return undefined;
    const entry = JSON.parse(json) as CheckCacheEntry;
    if (!Array.isArray(entry.diagnostics) || !Array.isArray(entry.assets)) return undefined;
    return entry;
  } catch {
    return undefined;
  }
}

/**
 * Check with a cache keyed on every input's contents: the library's YAML
 * files (through links), the school profile, the date and the checker's code;
 * the entry then holds the hash of every image the result depends on, and is
 * used only while each is unchanged (image rules read sizes and pixels). When
 * nothing changed the diagnostics come from disk without parsing anything.
 * With `cache: false` the cache is not read (but is refreshed).
 */
export async function cachedCheck(
  dir: string,
  options: LoadOptions & { cache: boolean },
): Promise<{ diagnostics: Diagnostic[]; files: number }> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const inputs = libraryFiles(dir);
  if (options.school) inputs.push(path.resolve(options.school));
  const hash = createHash('sha256')
    .update('check-cache-v2\0')
    // PSHE Kit's code (all of src/ but the website): a new version never serves old results.
    .update(codeVersion())
    .update(today)
    .update('\0')
    .update(path.resolve(dir))
    .update('\0')
    .update(process.cwd());
  // A link to a file outside the library is keyed on where it points, never read: the loader refuses it.
  // The `--school` file is the user's own choice, wherever it is.
  const root = realOrSelf(dir);
  const trusted = options.school ? path.resolve(options.school) : undefined;
  for (const file of inputs) {
    const real = realOrSelf(file);
    // Through links; a FIFO or an over-large file is keyed on its stat, never read (the loader reports it).
    const stamp =
      file === trusted || isInside(root, real) ? fileStamp(file, limits.fileBytes.value) : `outside:${real}`;
    hash.update(`\0${file}\0${stamp}`);
  }
  const key = hash.digest('hex');
  const cacheFile = path.join(cacheDir, 'check', `${key}.json`);
  if (options.cache) {
    const cached = readEntry(cacheFile);
    // An image added, removed or changed next to a lesson changes the result without changing its YAML.
    if (cached?.assets.every((asset) => typeof asset.file === 'string' && fileStamp(asset.file) === asset.sha256)) {
      return { diagnostics: cached.diagnostics, files: inputs.length };
    }
  }
  const result = await checkLibraryParallel(dir, {
    ...options,
    today,
    modelCache: { read: options.cache },
  });
  const { diagnostics } = result;
  const files = new Set((result.assets ?? []).map((asset) => asset.file));
  const logo = result.library.school?.logo;
  if (logo) files.add(path.resolve(path.dirname(options.school ?? path.join(dir, 'school.yaml')), logo));
  const assets = [...files].sort().map((file) => ({ file, sha256: fileStamp(file) }));
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    const json = JSON.stringify({ diagnostics, assets } satisfies CheckCacheEntry);
    writeFileSync(temporary, `${createHash('sha256').update(json).digest('hex')}\n${json}`);
    renameSync(temporary, cacheFile);
  } catch {
    // Caching is an optimisation: a read-only node_modules must not fail the check.
  }
  return { diagnostics, files: inputs.length };
}
