// First, so that Node's Buffer is there before any renderer module runs.
import './buffer-global.ts';
import { provideAssets } from '#assets';
import { provideImages } from '#images';
import { provideInstalledVersions } from '#installed-versions';
import type { Lesson, Library } from '../lesson/types.ts';
import { provideSourceDateEpoch } from '../source-date.ts';
import type { RenderReply, WorkerRequest } from './render-messages.ts';

/**
 * The site's render worker, for `/personalise/` and `/editor/`: the very
 * modules `pshe build` renders with (src/pipeline/render-downloads.ts) and
 * `pshe check` checks with (src/check/check-text.ts), bundled for the
 * browser, given what they would read from disk in Node (src/platform): the
 * same model and files in give the same bytes, and the same problems, out.
 */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: RenderReply): void;
};

scope.onmessage = async (event) => {
  const message = event.data;
  if ('prepare' in message) {
    try {
      provideInstalledVersions(message.prepare);
      if (message.assets) provideAssets(new Map(message.assets));
      await import('./renderers.ts');
      scope.postMessage({ id: message.id, prepared: true });
    } catch (error) {
      scope.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if ('check' in message) {
    try {
      const { checkLessonModel, lessonPreview } = await import('./renderers.ts');
      const { path, text, site, today } = message.check;
      const bytes = new TextEncoder().encode(text);
      const { diagnostics, lesson } = checkLessonModel({ path, bytes }, site, today);
      // The model exists when the lesson's own rules found no error; the library's (its id is taken, its unit
      // does not list it yet) are the library's to fix, and do not stop the preview.
      const library = {
        dir: '',
        lessons: lesson ? [lesson] : [],
        units: [],
        signposts: site.signposts,
        school: site.school,
      };
      const preview = message.check.preview && lesson ? lessonPreview(lesson, library) : undefined;
      scope.postMessage({ id: message.id, checked: diagnostics, ...(preview ? { preview } : {}) });
    } catch (error) {
      scope.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if ('renderText' in message) {
    try {
      provideImages(message.images);
      provideSourceDateEpoch(message.sourceDateEpoch);
      const { loadLessonText, renderLessonFiles } = await import('./renderers.ts');
      const { path, text, site, today } = message.renderText;
      const loaded = loadLessonText({ path, bytes: new TextEncoder().encode(text) }, site, today);
      if (!loaded.lesson) {
        scope.postMessage({ id: message.id, files: [], diagnostics: loaded.diagnostics });
        return;
      }
      const { files, diagnostics } = await renderLessonFiles(loaded.lesson, message.library);
      scope.postMessage({ id: message.id, files, diagnostics });
    } catch (error) {
      scope.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if ('readSchool' in message) {
    try {
      provideAssets(new Map(message.assets));
      const { readSchoolProfile } = await import('./renderers.ts');
      const read = readSchoolProfile('school.yaml', message.readSchool);
      const failed = !read.data || read.diagnostics.some((d) => d.severity === 'error');
      scope.postMessage({ id: message.id, diagnostics: read.diagnostics, ...(failed ? {} : { school: read.data }) });
    } catch (error) {
      scope.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  const request = message;
  try {
    provideAssets(new Map(request.assets));
    provideImages(request.images);
    provideInstalledVersions(request.versions);
    provideSourceDateEpoch(request.sourceDateEpoch);
    // Loaded only now: the renderers' patches check the installed versions as their modules load.
    const {
      approvalDay,
      lessonPackFileName,
      nameGlyphProblem,
      readSchoolProfile,
      renameCharacters,
      renderLessonFiles,
      renderUnitFiles,
      unknownServices,
    } = await import('./renderers.ts');
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
    if (request.school?.trim() === '') library = { ...library, school: undefined };
    else if (request.school !== undefined) {
      // The profile checked as the loader checks a school.yaml (src/lesson/load-services.ts).
      const loaded = readSchoolProfile('school.yaml', new TextEncoder().encode(request.school));
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      if (!loaded.data || errors.length) {
        scope.postMessage({ id: request.id, files: [], diagnostics: loaded.diagnostics });
        return;
      }
      // A logo is named as in the file; the page hands its bytes over under that name (src/lesson/images.ts).
      library = { ...library, school: loaded.data };
    }
    // A lesson may point to a local service of the site's profile that this profile does not have:
    // `pshe build --school` stops on it (signpost-unknown), and so does the page.
    const unknown = unknownServices(request.lessons, library);
    if (unknown.length) {
      scope.postMessage({ id: request.id, files: [], diagnostics: unknown });
      return;
    }
    const renames = request.renames ?? {};
    // Renamed as `pshe build --rename` renames every model it loads (src/lesson/model-cache.ts).
    const lessons = request.lessons.map((lesson) => renameCharacters(lesson, renames));
    if (!request.unit) {
      const { files, diagnostics } = await renderLessonFiles(lessons[0], library);
      // Copied, not transferred: a file's bytes may be a view into a buffer other files share.
      scope.postMessage({ id: request.id, files, diagnostics });
      return;
    }
    // A unit: each lesson's pack, as `pshe build` makes it, then the unit's files from them (writeUnitPacks).
    const members: { lesson: Lesson; bytes: Uint8Array }[] = [];
    for (const [index, lesson] of lessons.entries()) {
      scope.postMessage({ id: request.id, progress: { done: index, total: lessons.length + 1 } });
      const { files, diagnostics } = await renderLessonFiles(lesson, library);
      const pack = files.find((file) => file.name === lessonPackFileName(lesson.id));
      if (!pack || diagnostics.some((d) => d.severity === 'error')) {
        scope.postMessage({ id: request.id, files: [], diagnostics });
        return;
      }
      members.push({ lesson, bytes: pack.bytes });
    }
    scope.postMessage({ id: request.id, progress: { done: lessons.length, total: lessons.length + 1 } });
    // The day the approval sheet checks services against: the build's, or today on this device.
    const today = approvalDay({ SOURCE_DATE_EPOCH: request.sourceDateEpoch });
    const files = await renderUnitFiles(request.unit, members, library, today);
    scope.postMessage({ id: request.id, files, diagnostics: [] });
  } catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
