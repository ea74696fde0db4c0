import { answerLines } from '../answer-lines.ts';
import { footerRuns, helpSection } from '../help.ts';
import { gap } from '../layout.ts';
import { hasContentFor, renderField } from '../render-markdown.ts';
import { keywordsTable, labelled, quiz, section, titleBlock } from '../sections.ts';
import { largePrintTheme, standardTheme } from '../theme.ts';
import { paragraph } from '../text.ts';
import type { RenderRun } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';

export interface HandoutOptions {
  /** Large print: every piece of text at least 16 pt, more space (default: false). */
  largePrint?: boolean;
}

/**
 * The pupil's (or participant's) handout: the aim, key words, each practice
 * task with its scenarios and space to write, the starter and exit quizzes without answers,
 * and where to get help. Built with the participant handler map, so
 * `:::teacher` notes are never drawn; DSL notes and explanations are never read.
 */
export async function renderHandout(run: RenderRun, options: HandoutOptions = {}): Promise<Uint8Array> {
  const { lesson, library } = run;
  const accent = library.school?.accentColour;
  const theme = options.largePrint ? largePrintTheme(accent) : standardTheme(accent);
  const kind = options.largePrint ? 'Handout (large print)' : 'Handout';
  const { ctx, furniture } = startDocument(run, {
    theme,
    reader: 'participant',
    title: `${lesson.title}: ${kind.toLowerCase()}`,
    subject: `${kind} for ${lesson.title}`,
    footer: footerRuns(run, lesson.audience),
  });
  titleBlock(ctx, library.school ? `${kind} · ${library.school.name}` : kind, lesson.title);
  if (lesson.audience === 'pupils') {
    paragraph(ctx, 'Name', { face: 'bold' });
    answerLines(ctx, 1);
    gap(ctx);
  }
  labelled(ctx, lesson.audience === 'pupils' ? 'Today’s aim:' : 'Aim of the session:', lesson.learningOutcome);

  section(ctx, 'Key words');
  keywordsTable(ctx, lesson, ['Key word', 'What it means']);

  // The plan's order: starter quiz, then the baseline (pupils may answer the starter quiz here).
  if (lesson.starterQuiz?.length) {
    section(ctx, 'Starter quiz');
    paragraph(ctx, 'Tick one answer for each question.', { colour: theme.colours.muted });
    gap(ctx, theme.blockGap * 0.6);
    quiz(ctx, lesson, lesson.starterQuiz, { answers: false });
  }
  if (lesson.baseline && hasContentFor(ctx, lesson.baseline.activity, 'baseline.activity')) {
    section(ctx, 'Before we start', { field: lesson.baseline.activity, name: 'baseline.activity' });
    renderField(ctx, lesson.baseline.activity, 'baseline.activity');
  }
  lesson.cycles.forEach((cycle, index) => {
    if (!hasContentFor(ctx, cycle.practice, `cycles[${index}].practice`)) return;
    section(ctx, cycle.title, { field: cycle.practice, name: `cycles[${index}].practice` });
    renderField(ctx, cycle.practice, `cycles[${index}].practice`);
  });
  if (lesson.exitQuiz?.length) {
    section(ctx, 'Exit quiz');
    paragraph(ctx, 'Tick one answer for each question.', { colour: theme.colours.muted });
    gap(ctx, theme.blockGap * 0.6);
    quiz(ctx, lesson, lesson.exitQuiz, { answers: false });
  }
  if (lesson.endpoint && hasContentFor(ctx, lesson.endpoint.activity, 'endpoint.activity')) {
    section(ctx, 'At the end', { field: lesson.endpoint.activity, name: 'endpoint.activity' });
    renderField(ctx, lesson.endpoint.activity, 'endpoint.activity');
  }
  section(ctx, 'Where to get help');
  helpSection(ctx, lesson.audience);
  return finishDocument(ctx, furniture);
}
