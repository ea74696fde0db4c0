import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This copy's `src/` folder. */
export const srcDir = path.dirname(fileURLToPath(import.meta.url));

let own: string | undefined;

/**
 * A hash of PSHE Kit's own code: every file under `src/` but the website's,
 * which no check or download depends on. Caches key on it, so a new version
 * (or an edit to any module, shared ones included) never serves old results.
 * Computed once per thread for this copy; `dir` is for tests.
 */
export function codeVersion(dir: string = srcDir): string {
  if (dir === srcDir && own) return own;
  const hash = createHash('sha256');
  if (existsSync(dir)) {
    const site = path.join(dir, 'site') + path.sep;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !file.startsWith(site))
      .sort();
    for (const file of files) hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file));
  }
  const version = hash.digest('hex');
  if (dir === srcDir) own = version;
  return version;
}
