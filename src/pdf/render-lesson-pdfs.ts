import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';
import { outputFileName, outputsOfKind } from '../outputs.ts';
import type { OutputIdOfKind } from '../outputs.ts';
import { newRun } from './context.ts';
import { documentFailed, uniqueDiagnostics } from './diagnostics.ts';
import { renderDslBriefing } from './documents/dsl-briefing.ts';
import { renderHandout } from './documents/handout.ts';
import { renderLessonPlan } from './documents/lesson-plan.ts';
import { renderParentLetter } from './documents/parent-letter.ts';
import { renderSlidesPdf, renderSlidesWithNotes } from './documents/slides-pdf.ts';
import type { PdfFile, RenderRun } from './types.ts';

/**
 * The renderer of every PDF in the output registry (src/outputs.ts), by id:
 * an entry there of kind 'PDF' without a function here is a type error.
 */
const pdfRenderers: Record<OutputIdOfKind<'PDF'>, (run: RenderRun) => Promise<Uint8Array>> = {
  'lesson-plan': renderLessonPlan,
  handout: (run) => renderHandout(run),
  'handout-large-print': (run) => renderHandout(run, { largePrint: true }),
  'slides-pdf': renderSlidesPdf,
  'slides-with-notes': renderSlidesWithNotes,
  'dsl-briefing': renderDslBriefing,
  'parent-letter': renderParentLetter,
};

/**
 * Render every printable PDF the output registry gives a lesson of its
 * audience, in the registry's order (for pupil lessons: lesson plan, handout,
 * large-print handout, slides, slides with notes, DSL briefing, parent/carer
 * letter). A document that cannot be made is left out with a 'render-failed'
 * diagnostic naming the lesson file and field; it never throws, and never
 * returns a half-written PDF.
 */
export async function renderLessonPdfs(
  lesson: Lesson,
  library: Library,
): Promise<{ files: PdfFile[]; diagnostics: Diagnostic[] }> {
  const files: PdfFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const output of outputsOfKind('PDF', lesson.audience)) {
    const name = outputFileName(lesson.id, output);
    const run = newRun(lesson, library);
    try {
      files.push({ name, bytes: await pdfRenderers[output.id](run) });
    } catch (error) {
      diagnostics.push(documentFailed(run, name, error));
    }
    diagnostics.push(...run.diagnostics);
  }
  return { files, diagnostics: uniqueDiagnostics(diagnostics) };
}
