import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { codeVersion, srcDir } from '../code-version.ts';
import { dependencyVersions, downloadCacheDir } from './download-cache.ts';

/** Where `/personalise/`'s render worker is published, under the site: the page starts it from here. */
export const RENDER_WORKER_DIR = 'personalise/worker';

/** The worker's entry, bundled to `render-worker.js` beside the chunks it imports. */
const entry = 'src/browser/render-worker.ts';

/**
 * Bundle the render worker (src/browser/render-worker.ts: the renderers, for
 * the browser) with Vite into `outDir`. Its own build, not the site's: the
 * bundler holds the renderers' 5 MB of source while it works, about 200 MB,
 * which inside the site's build came on top of the download workers' heaps
 * and took a cold 1,000-lesson build to 1.56 GB. Here it runs after them.
 */
export async function bundleRenderWorker(outDir: string, root: string = path.dirname(srcDir)): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    root,
    // A worker has no DOM: packages' `worker` builds (decode-named-character-reference's `browser` one uses `document`).
    resolve: { conditions: ['worker', 'module', 'browser', 'production'] },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      lib: { entry: path.join(root, entry), formats: ['es'], fileName: () => 'render-worker.js' },
      // Emscripten's Node-only branch in libdeflate's loader names these; a browser never runs it.
      rollupOptions: { external: ['fs', 'path', 'module'] },
    },
  });
}

/**
 * The render worker into `outDir`: from the cache when this code and these
 * packages bundled it before (it depends on nothing of a library), else
 * bundled and kept. `useCache: false` (`--no-cache`) bundles it again.
 */
export async function writeRenderWorker(outDir: string, options: { useCache: boolean }): Promise<void> {
  const key = `render-worker-${codeVersion()}-${dependencyVersions().slice(0, 16)}`;
  const cached = path.join(downloadCacheDir, key);
  if (options.useCache && existsSync(path.join(cached, 'render-worker.js'))) {
    cpSync(cached, outDir, { recursive: true });
    return;
  }
  mkdirSync(outDir, { recursive: true });
  await bundleRenderWorker(outDir);
  if (!readdirSync(outDir).includes('render-worker.js')) throw new Error('the render worker was not bundled');
  // Kept for the next build; a failure to keep it never fails this one.
  const temporary = `${cached}.${process.pid}-${threadId}.tmp`;
  try {
    rmSync(temporary, { recursive: true, force: true });
    cpSync(outDir, temporary, { recursive: true });
    rmSync(cached, { recursive: true, force: true });
    renameSync(temporary, cached);
  } catch {
    rmSync(temporary, { recursive: true, force: true });
  }
}
