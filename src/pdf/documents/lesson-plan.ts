import { lessonPlanOutline } from '../../documents/lesson-plan.ts';
import { footerRuns } from '../help.ts';
import { drawOutline } from '../outline.ts';
import { standardTheme } from '../theme.ts';
import type { RenderRun } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';

/**
 * The teacher's (or facilitator's) plan, as src/documents/lesson-plan.ts
 * lists it: content guidance and supervision on page 1, the timed plan, DSL
 * notes, ground rules, every cycle with its teacher notes, quizzes with
 * answers, where to get help, curriculum links and sources.
 */
export async function renderLessonPlan(run: RenderRun): Promise<Uint8Array> {
  const outline = lessonPlanOutline(run.lesson, run.library);
  const { ctx, furniture } = startDocument(run, {
    theme: standardTheme(run.library.school?.accentColour),
    reader: outline.reader,
    title: outline.title,
    subject: outline.subject,
    footer: footerRuns(run, outline.footer),
  });
  drawOutline(ctx, outline.blocks);
  return finishDocument(ctx, furniture);
}
