import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';
import { outputFileName, outputsOfKind } from '../outputs.ts';
import type { OutputIdOfKind } from '../outputs.ts';
import { newRun } from './context.ts';
import { documentFailed, uniqueDiagnostics } from './diagnostics.ts';
import { renderDslBriefing } from './documents/dsl-briefing.ts';
import { renderHandout } from './documents/handout.ts';
import { renderInvitationLetter } from './documents/invitation-letter.ts';
import { pdfPageCount, renderLessonGuide } from './documents/lesson-guide.ts';
import { renderLessonPlan } from './documents/lesson-plan.ts';
import { renderParentLetter } from './documents/parent-letter.ts';
import { renderSlidesPdf, renderSlidesWithNotes } from './documents/slides-pdf.ts';
import { renderTrainingRecord } from './documents/training-record.ts';
import type { PdfFile, RenderRun } from './types.ts';

/**
 * The renderer of every PDF in the output registry (src/outputs.ts), by id:
 * an entry there of kind 'PDF' without a function here is a type error.
 */
const pdfRenderers: Record<
  OutputIdOfKind<'PDF'>,
  (run: RenderRun, made: ReadonlyMap<string, Uint8Array>) => Promise<Uint8Array>
> = {
  'lesson-plan': renderLessonPlan,
  // Rendered after the handout (see below), so it can say how many sheets to print.
  'lesson-guide': (run, made) => renderLessonGuide(run, { handoutPages: pdfPageCount(made.get('handout')) }),
  handout: (run) => renderHandout(run),
  'handout-large-print': (run) => renderHandout(run, { largePrint: true }),
  'slides-pdf': renderSlidesPdf,
  'slides-with-notes': renderSlidesWithNotes,
  'dsl-briefing': renderDslBriefing,
  'parent-letter': renderParentLetter,
  'invitation-letter': renderInvitationLetter,
  'training-record': renderTrainingRecord,
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
  const diagnostics: Diagnostic[] = [];
  const outputs = outputsOfKind('PDF', lesson.audience);
  // The lesson guide reads the handout's page count, so it is rendered last; files keep the registry's order.
  const last = (output: (typeof outputs)[number]) => (output.id === 'lesson-guide' ? 1 : 0);
  const made = new Map<string, Uint8Array>();
  for (const output of [...outputs].sort((a, b) => last(a) - last(b))) {
    const name = outputFileName(lesson.id, output);
    const run = newRun(lesson, library);
    try {
      made.set(output.id, await pdfRenderers[output.id](run, made));
    } catch (error) {
      diagnostics.push(documentFailed(run, name, error));
    }
    diagnostics.push(...run.diagnostics);
  }
  const files: PdfFile[] = outputs.flatMap((output) => {
    const bytes = made.get(output.id);
    return bytes ? [{ name: outputFileName(lesson.id, output), bytes }] : [];
  });
  return { files, diagnostics: uniqueDiagnostics(diagnostics) };
}
