import { diagnostic } from '../lesson/diagnostic.ts';
import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';
import { outputFileName, outputOfFile, outputsOfKind } from '../outputs.ts';
import type { OutputIdOfKind } from '../outputs.ts';
import { renderLessonPdfs } from '../pdf/index.ts';
import { renderHandoutDocx, renderLessonPlanDocx } from '../docx/index.ts';
import { lessonPack } from '../pack/packs.ts';
import { renderPptx } from '../pptx/index.ts';
import { buildSlideDeck } from '../slides/index.ts';

export interface RenderedFile {
  name: string;
  bytes: Uint8Array;
}

type Renderer = (lesson: Lesson, library: Library, report: (problem: Diagnostic) => void) => Promise<Uint8Array>;

/**
 * The renderer of every PowerPoint in the output registry (src/outputs.ts), by
 * id: an entry there of kind 'PowerPoint' without one here is a type error.
 * The PDFs' map is src/pdf/render-lesson-pdfs.ts; the pack's, lesson-downloads.ts.
 */
const pptxRenderers: Record<OutputIdOfKind<'PowerPoint'>, Renderer> = {
  'slides-pptx': (lesson, library, report) =>
    renderPptx(buildSlideDeck(lesson, library), {
      library,
      accentColour: library.school?.accentColour,
      file: lesson.file,
      lesson,
      report,
    }),
};

/**
 * The renderer of every Word document in the output registry, by id: an
 * entry there of kind 'Word' without one here is a type error.
 */
const wordRenderers: Record<OutputIdOfKind<'Word'>, Renderer> = {
  'handout-docx': (lesson, library) => renderHandoutDocx(lesson, library),
  'lesson-plan-docx': (lesson, library) => renderLessonPlanDocx(lesson, library),
};

/**
 * Every download of one lesson except its pack: the PDFs, the PowerPoints and the Word documents
 * the output registry gives its audience, sorted by file name.
 * A renderer that throws becomes a `render-failed` diagnostic on the lesson,
 * never a crash of the build.
 */
export async function renderDownloads(
  lesson: Lesson,
  library: Library,
): Promise<{ files: RenderedFile[]; diagnostics: Diagnostic[] }> {
  const files: RenderedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  try {
    const pdfs = await renderLessonPdfs(lesson, library);
    files.push(...pdfs.files);
    diagnostics.push(...pdfs.diagnostics);
  } catch (error) {
    diagnostics.push(failed(lesson, 'the PDFs', error));
  }
  for (const output of outputsOfKind('PowerPoint', lesson.audience)) {
    try {
      const bytes = await pptxRenderers[output.id](lesson, library, (problem) => diagnostics.push(problem));
      files.push({ name: outputFileName(lesson.id, output), bytes });
    } catch (error) {
      diagnostics.push(failed(lesson, 'the PowerPoint', error));
    }
  }
  for (const output of outputsOfKind('Word', lesson.audience)) {
    try {
      const bytes = await wordRenderers[output.id](lesson, library, (problem) => diagnostics.push(problem));
      files.push({ name: outputFileName(lesson.id, output), bytes });
    } catch (error) {
      diagnostics.push(failed(lesson, `the Word document ${outputFileName(lesson.id, output)}`, error));
    }
  }
  return { files: files.sort((a, b) => (a.name < b.name ? -1 : 1)), diagnostics };
}

function failed(lesson: Lesson, what: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return diagnostic(
    'render-failed',
    lesson.file,
    { line: 1, column: 1 },
    `PSHE Kit could not make ${what} for this lesson (${reason}). Simplify the content it names, or report this as a bug.`,
  );
}

/**
 * The renderer of every zip in the output registry (src/outputs.ts), by id: an
 * entry there of kind 'Zip' without one here is a type error. A zip is made
 * from the lesson's other downloads, those the registry marks `inPack`.
 */
const zipRenderers: Record<
  OutputIdOfKind<'Zip'>,
  (lesson: Lesson, library: Library, packed: readonly RenderedFile[]) => Uint8Array
> = {
  pack: lessonPack,
};

/**
 * Every file of one lesson: its downloads, then its pack made from them; no
 * pack when a download has an error. Bytes only, nothing written: `pshe build`
 * writes them (lesson-downloads.ts), the browser hands them to the page
 * (src/browser/render-worker.ts).
 */
export async function renderLessonFiles(
  lesson: Lesson,
  library: Library,
): Promise<{ files: RenderedFile[]; diagnostics: Diagnostic[] }> {
  const rendered = await renderDownloads(lesson, library);
  if (rendered.diagnostics.some((d) => d.severity === 'error')) return rendered;
  const packed = rendered.files.filter((file) => outputOfFile(lesson.id, file.name)?.inPack);
  const packs = outputsOfKind('Zip', lesson.audience).map((output) => ({
    name: outputFileName(lesson.id, output),
    bytes: zipRenderers[output.id](lesson, library, packed),
  }));
  return { files: [...rendered.files, ...packs], diagnostics: rendered.diagnostics };
}
