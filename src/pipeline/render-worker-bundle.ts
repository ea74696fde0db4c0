import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { codeVersion, srcDir } from '../code-version.ts';
import { copyCached, dependencyVersions, writeCached } from './download-cache.ts';

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
  const { build, defaultClientConditions } = await import('vite');
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    root,
    // A worker has no DOM: packages' `worker` builds (decode-named-character-reference's `browser` one uses `document`).
    resolve: { conditions: ['worker', ...defaultClientConditions] },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: path.join(root, entry), formats: ['es'], fileName: () => 'render-worker.js' },
      // Emscripten's Node-only branch in libdeflate's loader names these; a browser never runs it.
      rollupOptions: {
        external: ['fs', 'path', 'module'],
        // Names the download cache takes (a letter or digit first), so the bundle is kept between builds.
        output: { chunkFileNames: 'worker-[name]-[hash].js' },
      },
    },
  });
}

/**
 * The render worker into `outDir`: from the cache when this code and these
 * packages bundled it before (it depends on nothing of a library; every file
 * checked against its hash, as the downloads are), else bundled and kept.
 * `useCache: false` (`--no-cache`) bundles it again.
 */
export async function writeRenderWorker(outDir: string, options: { useCache: boolean }): Promise<void> {
  // The code, the packages, and package.json's `imports` (which edge each platform gets).
  const imports = createHash('sha256')
    .update(readFileSync(path.join(path.dirname(srcDir), 'package.json')))
    .digest('hex');
  const key = `render-worker-${codeVersion()}-${dependencyVersions().slice(0, 16)}-${imports.slice(0, 16)}`;
  if (options.useCache && copyCached(key, outDir)?.includes('render-worker.js')) return;
  mkdirSync(outDir, { recursive: true });
  await bundleRenderWorker(outDir);
  const names = readdirSync(outDir);
  if (!names.includes('render-worker.js')) throw new Error('the render worker was not bundled');
  writeCached(
    key,
    names.map((name) => ({ name, bytes: readFileSync(path.join(outDir, name)) })),
    outDir,
  );
}
