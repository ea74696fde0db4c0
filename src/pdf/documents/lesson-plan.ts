import { timedParts } from '../../lesson/timed-parts.ts';
import type { Lesson } from '../../lesson/types.ts';
import { lessonOutputs, outputFileName } from '../../outputs.ts';
import { groundRulesFor } from '../../slides/index.ts';
import { box } from '../callouts.ts';
import { footerRuns, helpSection } from '../help.ts';
import { gap } from '../layout.ts';
import { hasContentFor, renderField } from '../render-markdown.ts';
import {
  audienceWords,
  bullets,
  contentGuidanceBox,
  dateWords,
  keyStageWords,
  keywordsTable,
  labelled,
  quiz,
  section,
  sourcesList,
  subsection,
  titleBlock,
} from '../sections.ts';
import { table } from '../tables.ts';
import { standardTheme } from '../theme.ts';
import { paragraph } from '../text.ts';
import type { PdfContext, RenderRun } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';

const minutes = (n: number) => `${n} min`;

/** The timed plan: each part with its start and end minute, then the total against the lesson's length. */
function timedPlan(ctx: PdfContext, lesson: Lesson): void {
  const parts = timedParts(lesson);
  const rows = parts.map((part) => [`${part.start}–${part.end}`, part.name, minutes(part.minutes)]);
  const clock = parts.at(-1)?.end ?? 0;
  rows.push(['', 'Total', `${clock} of ${lesson.durationInMinutes} min`]);
  table(ctx, { header: ['Minutes', 'Part of the lesson', 'Length'], rows, weights: [1, 4, 1.5] });
}

function cycleSection(ctx: PdfContext, lesson: Lesson, index: number): void {
  const cycle = lesson.cycles[index];
  const at = `cycles[${index}]`;
  section(ctx, `Learning cycle ${index + 1}: ${cycle.title} (${minutes(cycle.durationInMinutes)})`);
  subsection(ctx, 'Explanation');
  renderField(ctx, cycle.explanation, `${at}.explanation`);
  if (cycle.slides?.length) {
    subsection(ctx, 'Slides');
    bullets(
      ctx,
      cycle.slides.map((slide) => slide.title),
    );
  }
  if (cycle.checkForUnderstanding?.length) {
    subsection(ctx, 'Check for understanding');
    quiz(ctx, lesson, cycle.checkForUnderstanding, { answers: true });
  }
  const parts = [
    ['Practice', cycle.practice, 'practice'],
    ['Feedback', cycle.feedback, 'feedback'],
    ['Support', cycle.support, 'support'],
    ['Stretch', cycle.stretch, 'stretch'],
  ] as const;
  for (const [title, field, name] of parts) {
    if (!hasContentFor(ctx, field, `${at}.${name}`)) continue;
    subsection(ctx, title);
    renderField(ctx, field, `${at}.${name}`);
  }
}

/**
 * The teacher's (or facilitator's) plan: content guidance and supervision on
 * page 1, the timed plan, DSL notes, ground rules, every cycle with its
 * teacher notes, quizzes with answers, where to get help, curriculum links
 * and sources.
 */
export async function renderLessonPlan(run: RenderRun): Promise<Uint8Array> {
  const { lesson, library } = run;
  const theme = standardTheme(library.school?.accentColour);
  const kind = lesson.audience === 'pupils' ? 'Lesson plan' : 'Facilitator plan';
  const { ctx, furniture } = startDocument(run, {
    theme,
    reader: 'staff',
    title: `${lesson.title}: ${kind.toLowerCase()}`,
    subject: `${kind} for ${lesson.title}`,
    footer: footerRuns(run, 'staff'),
  });
  const unit = library.units.find((u) => u.id === lesson.unit);
  titleBlock(ctx, `${kind}${unit ? ` · ${unit.title}` : ''}`, lesson.title, [
    ...keyStageWords(lesson),
    `${lesson.durationInMinutes} minutes`,
    audienceWords[lesson.audience],
  ]);
  const guide = lessonOutputs.find((output) => output.id === 'lesson-guide');
  if (guide && (guide.audiences as readonly string[]).includes(lesson.audience)) {
    paragraph(
      ctx,
      `Short of time? The lesson on one page (${outputFileName(lesson.id, guide)}) has what you need to teach it.`,
      { colour: theme.colours.muted },
    );
    gap(ctx, theme.blockGap * 0.5);
  }
  contentGuidanceBox(ctx, lesson);
  if (lesson.summary) {
    gap(ctx);
    renderField(ctx, lesson.summary, 'summary');
  }
  gap(ctx);
  labelled(ctx, 'Learning outcome:', lesson.learningOutcome);

  section(ctx, 'Key learning points');
  bullets(ctx, lesson.keyLearningPoints);
  if (lesson.priorKnowledge?.length) {
    subsection(ctx, 'Prior knowledge');
    bullets(ctx, lesson.priorKnowledge);
  }
  subsection(ctx, 'Key words');
  keywordsTable(ctx, lesson);
  if (lesson.misconceptions?.length) {
    subsection(ctx, 'Common misconceptions');
    table(ctx, {
      header: ['Misconception', 'How to respond'],
      rows: lesson.misconceptions.map((m) => [m.misconception, m.response]),
      weights: [1, 1.6],
    });
  }

  section(ctx, 'Timed plan');
  timedPlan(ctx, lesson);

  if (lesson.dslNotes) {
    section(ctx, 'DSL notes');
    box(ctx, 'staff', {
      label: 'For the DSL and everyone teaching this lesson',
      render: (inner) => renderField(inner, lesson.dslNotes, 'dslNotes'),
    });
  }

  section(ctx, 'Safe learning');
  subsection(ctx, lesson.safeLearning?.groundRules?.length ? 'Ground rules' : 'Ground rules (suggested)');
  bullets(ctx, groundRulesFor(lesson.safeLearning?.groundRules, lesson.audience));
  if (lesson.safeLearning?.distancing) {
    subsection(ctx, 'Distancing');
    renderField(ctx, lesson.safeLearning.distancing, 'safeLearning.distancing');
  }
  if (lesson.safeLearning?.questionBox) {
    subsection(ctx, 'Question box');
    paragraph(ctx, 'Set up an anonymous question box, and answer its questions in this lesson or the next one.');
  }
  if (lesson.safeLearning?.timeOut) {
    subsection(ctx, lesson.audience === 'pupils' ? 'If a pupil becomes upset' : 'If someone becomes upset');
    renderField(ctx, lesson.safeLearning.timeOut, 'safeLearning.timeOut');
  }

  if (lesson.starterQuiz?.length) {
    section(ctx, 'Starter quiz');
    quiz(ctx, lesson, lesson.starterQuiz, { answers: true });
  }
  if (lesson.baseline) {
    section(ctx, `Baseline activity (${minutes(lesson.baseline.durationInMinutes)})`);
    renderField(ctx, lesson.baseline.activity, 'baseline.activity');
  }
  lesson.cycles.forEach((_, index) => cycleSection(ctx, lesson, index));
  if (lesson.exitQuiz?.length) {
    section(ctx, 'Exit quiz');
    quiz(ctx, lesson, lesson.exitQuiz, { answers: true });
  }
  if (lesson.endpoint) {
    section(ctx, `Endpoint activity (${minutes(lesson.endpoint.durationInMinutes)})`);
    renderField(ctx, lesson.endpoint.activity, 'endpoint.activity');
  }

  section(ctx, 'Where to get help');
  helpSection(
    ctx,
    lesson.audience,
    lesson.audience === 'pupils' ? 'What pupils are told' : 'What participants are told',
  );

  const links = lesson.curriculumLinks;
  if (links && Object.values(links).some((items) => items?.length)) {
    section(ctx, 'Curriculum links');
    if (links.rshe?.length) labelled(ctx, 'RSHE statutory guidance:', links.rshe.join('; '));
    if (links.psheAssociation?.length)
      labelled(ctx, 'PSHE Association programme of study:', links.psheAssociation.join(', '));
    if (links.connectedWorld?.length) {
      labelled(
        ctx,
        'Education for a Connected World:',
        links.connectedWorld.map((s) => s.replace(/-/g, ' ')).join('; '),
      );
    }
    if (links.fourCs?.length) labelled(ctx, 'The 4 Cs of online risk (KCSIE):', links.fourCs.join(', '));
  }
  if (lesson.sources?.length) {
    section(ctx, 'Sources');
    sourcesList(ctx, lesson.sources);
  }
  if (lesson.reviewDate) {
    gap(ctx, theme.blockGap * 2);
    paragraph(ctx, `Review this lesson by ${dateWords(lesson.reviewDate)}.`, { colour: theme.colours.muted });
  }
  return finishDocument(ctx, furniture);
}
