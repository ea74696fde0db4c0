import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Library } from '../lesson/types.ts';
import { withSiteLock } from './site-lock.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The library already loaded by `pshe build`, handed to the Astro loader in
 * the same process so that it does not load and parse the lessons again.
 * The loader falls back to `loadLibrary` when this is absent (`npm run dev`).
 */
export interface PreloadedLibrary {
  dir: string;
  library: Library;
}

declare global {
  var __psheLibrary: PreloadedLibrary | undefined;
}

/** Build the Astro site into `outDir` from an already-loaded library. */
export async function buildSite(options: { dir: string; school?: string; outDir: string; library: Library }) {
  const dir = path.resolve(options.dir);
  process.env.PSHE_LESSONS = dir;
  if (options.school) process.env.PSHE_SCHOOL = path.resolve(options.school);
  else delete process.env.PSHE_SCHOOL;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  globalThis.__psheLibrary = { dir, library: options.library };
  const { build } = await import('astro');
  try {
    // A cache folder of this build's own, so two builds at once (tests, a CI matrix) never share
    // Astro's data store; the loader is fed the preloaded library, so little is lost.
    const cacheDir = `${path.resolve(options.outDir)}-astro-cache`;
    try {
      await withSiteLock(() =>
        build({ root, outDir: path.resolve(options.outDir), cacheDir, logLevel: 'warn', mode: 'production' }),
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  } finally {
    globalThis.__psheLibrary = undefined;
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
