import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Library } from '../lesson/types.ts';
import { releaseLibrarySource, useLibrarySource } from '../site/library-source.ts';
import { withSiteLock } from './site-lock.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Build the Astro site into `outDir` from the library `pshe build` has already
 * loaded and checked. It is handed to Astro's loaders and pages through the
 * site's library source (`src/site/library-source.ts`), in this process, so
 * the lessons are not loaded or parsed again.
 */
export async function buildSite(options: { dir: string; school?: string; outDir: string; library: Library }) {
  // Astro has no config switch for telemetry; the environment variable is the only off switch.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  // A cache folder of this build's own, so two builds at once (tests, a CI matrix) never share
  // Astro's data store; the loader is fed the preloaded library, so little is lost.
  const cacheDir = `${path.resolve(options.outDir)}-astro-cache`;
  try {
    await withSiteLock(async () => {
      // Chosen inside the lock: another build in this process waits its turn before it replaces it.
      const source = useLibrarySource({ dir: options.dir, school: options.school, library: options.library });
      try {
        await build({ root, outDir: path.resolve(options.outDir), cacheDir, logLevel: 'warn', mode: 'production' });
      } finally {
        releaseLibrarySource(source);
      }
    });
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * The pages search looks into: those that mark content with
 * `data-pagefind-body` (home, curriculum, glossary, signposting, units, each
 * lesson's teacher page). A lesson's handout and slides pages repeat its
 * lesson page, so they are not read at all: a third of the pages, and of the
 * time Pagefind takes.
 */
export const SEARCHED_PAGES = '{index.html,*/index.html,units/*/index.html,lessons/*/index.html}';

/** Index the built site for search with Pagefind (its index lives under /pagefind/). */
export async function indexSite(outDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir, glob: SEARCHED_PAGES });
  if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return added.page_count;
}
