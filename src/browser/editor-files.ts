import { imageKey } from '../lesson/images.ts';
import type { LessonImage } from '../library-file.ts';
import type { CheckSite } from '../lesson/check-site-data.ts';
import type { AssetName } from '../platform/asset-files.ts';
import type { PersonaliseData } from '../site/lib/personalise-data.ts';
import { byId } from './dom.ts';
import { fetchJson } from './fetch-site.ts';
import { showFiles } from './file-links.ts';
import { imageOf } from './personalise-storage.ts';
import { RenderClient } from './render-client.ts';
import { startRenderWorker } from './worker-url.ts';

/**
 * "Make the files" on `/editor/`: every file of the lesson as it is now, made
 * in a worker of its own (a check that runs long, and is stopped, never stops
 * it) with the build's renderers, from the site's library and the images of
 * the lesson it was copied from (under the id the copy has now).
 */
export function startFiles(options: {
  site: URL;
  /** A lesson of the site, to take the library (and, for a copy, the images) from. */
  from: string | undefined;
  checkSite: CheckSite;
  versions: PersonaliseData['versions'];
  assets: [AssetName, Uint8Array][];
  /** The lesson as it is now: its path in the library, its id, its text. */
  now: () => { path: string; id: string; text: string };
}): void {
  const status = byId<HTMLParagraphElement>('files-status');
  const client = new RenderClient(() => startRenderWorker(options.site));
  const button = byId<HTMLButtonElement>('make-files');
  let base: PersonaliseData | undefined;
  button.addEventListener('click', async () => {
    // One run at a time: the button is off while one runs.
    button.disabled = true;
    try {
      await make();
    } catch (error) {
      status.textContent = `The files could not be made: ${error instanceof Error ? error.message : String(error)}.`;
    } finally {
      button.disabled = false;
    }
  });

  async function make() {
    // Fetched at the first click (and again after a failure, such as the network cut at the time).
    base ??= await fetchJson<PersonaliseData>(new URL(`personalise/lessons/${options.from ?? ''}.json`, options.site));
    const data = base;
    if (!data) {
      status.textContent = 'The files cannot be made here: this site publishes no lesson to take its library from.';
      return;
    }
    client.prepare(options.versions, options.assets);
    const { path, id, text } = options.now();
    const images = data.images.map(([key, image]): [string, LessonImage] => {
      const [owner, url] = key.split('\n');
      return [owner === data.lesson.id ? imageKey(id, url) : key, imageOf(image)];
    });
    showFiles(byId<HTMLUListElement>('file-list'), byId<HTMLElement>('files'), []);
    status.textContent = 'Making the files on this device…';
    let made: Awaited<ReturnType<typeof client.renderText>>;
    try {
      made = await client.renderText({
        renderText: { path, text, site: options.checkSite, today: new Date().toISOString().slice(0, 10) },
        library: data.library,
        images,
        ...(data.sourceDateEpoch ? { sourceDateEpoch: data.sourceDateEpoch } : {}),
      });
    } catch (error) {
      made = { id: 0, error: error instanceof Error ? error.message : String(error) };
    }
    if (!made) {
      status.textContent = 'Stopped. No files were made.';
      return;
    }
    if ('error' in made) {
      status.textContent = `The files could not be made: ${made.error}.`;
      return;
    }
    const errors = made.diagnostics.filter((d) => d.severity === 'error');
    if (!made.files.length || errors.length) {
      status.textContent = errors.length
        ? `The files could not be made: the lesson itself has ${errors.length} ${errors.length === 1 ? 'error' : 'errors'} (Problems lists these with the library’s). Fix them first.`
        : 'The files could not be made.';
      return;
    }
    showFiles(byId<HTMLUListElement>('file-list'), byId<HTMLElement>('files'), made.files);
    status.textContent = `${made.files.length} files are ready below.`;
  }
}
