import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeVersion } from '../code-version.ts';
import type { LoadOptions } from '../lesson/load-library.ts';
import { checkLibraryParallel } from '../lesson/parallel-load.ts';
import type { Diagnostic } from '../lesson/types.ts';

/** Where PSHE Kit keeps its caches (design.md: node_modules/.cache/pshe-kit/). */
export const cacheDir = path.resolve('node_modules/.cache/pshe-kit');

function filesUnder(dir: string, test: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

interface CheckCacheEntry {
  diagnostics: Diagnostic[];
  assets: { file: string; exists: boolean }[];
}

/**
 * Check with a cache keyed on every input's contents: the library's YAML
 * files, the school profile, the date and the checker's code. When nothing
 * changed the diagnostics come from disk without parsing anything. With
 * `cache: false` the cache is not read (but is refreshed).
 */
export async function cachedCheck(
  dir: string,
  options: LoadOptions & { cache: boolean },
): Promise<{ diagnostics: Diagnostic[]; files: number }> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const inputs = filesUnder(dir, (name) => /\.ya?ml$/.test(name));
  if (options.school) inputs.push(path.resolve(options.school));
  const hash = createHash('sha256')
    // PSHE Kit's code (all of src/ but the website): a new version never serves old results.
    .update(codeVersion())
    .update(today)
    .update(path.resolve(dir))
    .update(process.cwd());
  for (const file of inputs) {
    hash.update(file);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('unreadable');
    }
  }
  const key = hash.digest('hex');
  const cacheFile = path.join(cacheDir, 'check', `${key}.json`);
  if (options.cache && existsSync(cacheFile)) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as CheckCacheEntry;
      // An image added or removed next to a lesson changes the result without changing its YAML.
      if (cached.assets.every((asset) => existsSync(asset.file) === asset.exists)) {
        return { diagnostics: cached.diagnostics, files: inputs.length };
      }
    } catch {
      // A damaged cache file is ignored and rewritten below.
    }
  }
  const { diagnostics, assets = [] } = await checkLibraryParallel(dir, {
    ...options,
    today,
    modelCache: { read: options.cache },
  });
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ diagnostics, assets } satisfies CheckCacheEntry));
    renameSync(temporary, cacheFile);
  } catch {
    // Caching is an optimisation: a read-only node_modules must not fail the check.
  }
  return { diagnostics, files: inputs.length };
}
