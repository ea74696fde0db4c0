// First, so that Node's Buffer is there before any renderer module runs.
import './buffer-global.ts';
import { provideAssets } from '#assets';
import { provideImages } from '#images';
import { provideInstalledVersions } from '#installed-versions';
import type { Library } from '../lesson/types.ts';
import { provideSourceDateEpoch } from '../source-date.ts';
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
    provideSourceDateEpoch(request.sourceDateEpoch);
    // Loaded only now: the renderers' patches check the installed versions as their modules load.
    const { loadDocument, nameGlyphProblem, renameCharacters, renderLessonFiles } = await import('./renderers.ts');
    // As `pshe build --rename` refuses them: a new name the PDFs' font cannot draw.
    const nameProblems = Object.entries(request.renames ?? {}).flatMap(([name, to]) => {
      const problem = nameGlyphProblem(to);
      return problem ? [{ name, message: `The new name for ${name}: ${problem}` }] : [];
    });
    if (nameProblems.length) {
      scope.postMessage({ id: request.id, files: [], diagnostics: [], nameProblems });
      return;
    }
    let library: Library = request.library;
    if (request.school !== undefined) {
      // The profile as the loader reads a school.yaml (src/lesson/load-services.ts), with the same schema.
      const loaded = loadDocument('school', 'school.yaml', new TextEncoder().encode(request.school));
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      if (!loaded.data || errors.length) {
        scope.postMessage({ id: request.id, files: [], diagnostics: loaded.diagnostics });
        return;
      }
      // A logo is named as in the file; the page hands its bytes over under that name (src/lesson/images.ts).
      library = { ...library, school: loaded.data };
    }
    // Renamed as `pshe build --rename` renames every model it loads (src/lesson/model-cache.ts).
    const lesson = request.renames ? renameCharacters(request.lesson, request.renames) : request.lesson;
    const { files, diagnostics } = await renderLessonFiles(lesson, library);
    // Copied, not transferred: a file's bytes may be a view into a buffer other files share.
    scope.postMessage({ id: request.id, files, diagnostics });
  } catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
