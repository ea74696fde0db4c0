import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

/**
 * The browser's render worker (src/browser/render-worker.ts) bundled with
 * Vite, as the site bundles it, into a new folder with a blank page beside
 * it to start it from. Returns the folder.
 */
export async function bundleRenderWorker(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'pshe-worker-'));
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    root: process.cwd(),
    // A worker has no DOM: packages' `worker` builds (decode-named-character-reference's `browser` one uses `document`).
    resolve: { conditions: ['worker', 'module', 'browser', 'production'] },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      lib: { entry: 'src/browser/render-worker.ts', formats: ['es'], fileName: () => 'render-worker.js' },
      // Emscripten's Node-only branch in libdeflate's loader names these; a browser never runs it.
      rollupOptions: { external: ['fs', 'path', 'module'] },
    },
  });
  writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><html lang="en-GB"><title>Worker</title></html>\n');
  return outDir;
}
