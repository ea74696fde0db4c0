// First, so that Node's Buffer is there before any renderer module runs.
import './buffer-global.ts';
import { provideAssets } from '#assets';
import { provideImages } from '#images';
import { provideInstalledVersions } from '#installed-versions';
import { renderLessonFiles } from '../pipeline/render-downloads.ts';
import type { RenderReply, RenderRequest } from './render-messages.ts';

/**
 * The render worker of the site's `/personalise/` page: the very modules
 * `pshe build` renders with (src/pipeline/render-downloads.ts), bundled for
 * the browser, given what they would read from disk in Node (src/platform):
 * the same model and files in give the same bytes out.
 */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<RenderRequest>) => void) | null;
  postMessage(message: RenderReply): void;
};

scope.onmessage = async (event) => {
  const request = event.data;
  try {
    provideAssets(new Map(request.assets));
    provideImages(request.images);
    provideInstalledVersions(request.versions);
    const { files, diagnostics } = await renderLessonFiles(request.lesson, request.library);
    // Copied, not transferred: a file's bytes may be a view into a buffer other files share.
    scope.postMessage({ id: request.id, files, diagnostics });
  } catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
