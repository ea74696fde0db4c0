import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleRenderWorker as bundle } from '../../src/pipeline/render-worker-bundle.ts';

/**
 * The browser's render worker (src/browser/render-worker.ts) bundled as
 * `pshe build` bundles it, into a new folder with a blank page beside it to
 * start it from. Returns the folder.
 */
export async function bundleRenderWorker(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'pshe-worker-'));
  await bundle(outDir);
  writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><html lang="en-GB"><title>Worker</title></html>\n');
  return outDir;
}
