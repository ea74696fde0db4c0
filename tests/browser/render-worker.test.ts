import { rmSync } from 'node:fs';
import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAsset } from '#assets';
import { readLessonImage, readLogo } from '#images';
import { installedVersions } from '#installed-versions';
import type { RenderRequest } from '../../src/browser/render-messages.ts';
import { imageKey } from '../../src/lesson/images.ts';
import type { Lesson, Library } from '../../src/lesson/types.ts';
import type { LessonImage } from '../../src/library-file.ts';
import { renderLessonFiles } from '../../src/pipeline/render-downloads.ts';
import { assetFiles, type AssetName } from '../../src/platform/asset-files.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { serveFolder, type StaticServer } from '../helpers/static-server.ts';
import { exampleLesson, exampleLibrary } from '../pdf/helpers.ts';
import { bundleRenderWorker } from './worker-bundle.ts';

/** Every image a lesson's markdown names, and the school's logo, as the page will hand them over. */
function imagesOf(lesson: Lesson, library: Library): [string, LessonImage][] {
  const found: [string, LessonImage][] = [];
  visit(lesson as never, 'image', (node: Image) => {
    const read = readLessonImage(lesson, node.url);
    if (read.image) found.push([imageKey(lesson.id, node.url), read.image]);
  });
  const logo = library.school?.logo;
  const read = logo ? readLogo(logo) : undefined;
  if (logo && read?.image) found.push([imageKey(undefined, logo), read.image]);
  return found;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('the renderers in a browser (the personalise page’s worker)', () => {
  let folder: string;
  let server: StaticServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    folder = await bundleRenderWorker();
    server = await serveFolder(folder);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('should make every file of a lesson, its pack too, byte for byte as pshe build makes them', async () => {
    const library = exampleLibrary();
    for (const id of ['spotting-online-scams', 'who-can-help']) {
      const lesson = exampleLesson(id);
      const node = await renderLessonFiles(lesson, library);
      expect(node.files.length).toBeGreaterThanOrEqual(8);
      // What the page sends: the model as JSON, every file the renderers read, as base64 across Playwright.
      const request = {
        lesson: JSON.parse(JSON.stringify(lesson)) as Lesson,
        library: JSON.parse(JSON.stringify(library)) as Library,
        assets: (Object.keys(assetFiles) as AssetName[]).map((name) => [name, base64(readAsset(name))]),
        images: imagesOf(lesson, library).map(([key, image]) => [key, { ...image, bytes: base64(image.bytes) }]),
        versions: installedVersions(),
      };
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/index.html`);
      const reply = await page.evaluate(async (sent) => {
        const bytes = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
        const worker = new Worker('/render-worker.js', { type: 'module' });
        const message: RenderRequest = {
          id: 1,
          lesson: sent.lesson,
          library: sent.library,
          assets: sent.assets.map(([name, data]) => [name as never, bytes(data as string)]),
          images: sent.images.map(([key, image]) => [
            key as string,
            { ...(image as object), bytes: bytes((image as { bytes: string }).bytes) } as never,
          ]),
          versions: sent.versions,
        };
        const answer = await new Promise<MessageEvent['data']>((resolve, reject) => {
          worker.onmessage = (event) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(`${event.message} at ${event.filename}:${event.lineno}:${event.colno}`));
          worker.postMessage(message);
        });
        worker.terminate();
        if ('error' in answer) return { error: answer.error as string };
        return {
          files: (answer.files as { name: string; bytes: Uint8Array }[]).map((file) => {
            let text = '';
            for (let i = 0; i < file.bytes.length; i += 0x8000)
              text += String.fromCharCode(...file.bytes.subarray(i, i + 0x8000));
            return { name: file.name, bytes: btoa(text) };
          }),
        };
      }, request);
      await page.close();
      expect(reply.error, `the worker failed on ${id}`).toBeUndefined();
      expect(reply.files!.map((file) => file.name)).toEqual(node.files.map((file) => file.name));
      for (const [index, file] of reply.files!.entries()) {
        const same = Buffer.from(file.bytes, 'base64').equals(Buffer.from(node.files[index].bytes));
        expect(same, `${file.name} differs from pshe build's`).toBe(true);
      }
    }
  });
});
