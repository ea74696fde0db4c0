import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';
import { newRun } from './context.ts';
import { documentFailed, uniqueDiagnostics } from './diagnostics.ts';
import { renderDslBriefing } from './documents/dsl-briefing.ts';
import { renderHandout } from './documents/handout.ts';
import { renderLessonPlan } from './documents/lesson-plan.ts';
import { renderParentLetter } from './documents/parent-letter.ts';
import { renderSlidesPdf, renderSlidesWithNotes } from './documents/slides-pdf.ts';
import type { PdfFile, RenderRun } from './types.ts';

interface DocumentKind {
  /** The file name after `<id>-` (design.md, Outputs). */
  suffix: string;
  render: (run: RenderRun) => Promise<Uint8Array>;
  /** Only for pupil lessons. */
  pupilsOnly?: boolean;
}

/** Every PDF of a lesson, in the order of design.md's Outputs table. */
export const documentKinds: readonly DocumentKind[] = [
  { suffix: 'lesson-plan.pdf', render: renderLessonPlan },
  { suffix: 'handout.pdf', render: (run) => renderHandout(run) },
  { suffix: 'handout-large-print.pdf', render: (run) => renderHandout(run, { largePrint: true }) },
  { suffix: 'slides.pdf', render: renderSlidesPdf },
  { suffix: 'slides-with-notes.pdf', render: renderSlidesWithNotes },
  { suffix: 'dsl-briefing.pdf', render: renderDslBriefing, pupilsOnly: true },
  { suffix: 'parent-letter.pdf', render: renderParentLetter, pupilsOnly: true },
];

/**
 * Render every printable PDF of a lesson: lesson plan, handout, large-print
 * handout, slides, slides with notes, and for pupil lessons the DSL briefing
 * and the parent/carer letter. A document that cannot be made is left out
 * with a 'render-failed' diagnostic naming the lesson file and field; it never
 * throws, and never returns a half-written PDF.
 */
export async function renderLessonPdfs(
  lesson: Lesson,
  library: Library,
): Promise<{ files: PdfFile[]; diagnostics: Diagnostic[] }> {
  const files: PdfFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const kind of documentKinds) {
    if (kind.pupilsOnly && lesson.audience !== 'pupils') continue;
    const name = `${lesson.id}-${kind.suffix}`;
    const run = newRun(lesson, library);
    try {
      files.push({ name, bytes: await kind.render(run) });
    } catch (error) {
      diagnostics.push(documentFailed(run, name, error));
    }
    diagnostics.push(...run.diagnostics);
  }
  return { files, diagnostics: uniqueDiagnostics(diagnostics) };
}
