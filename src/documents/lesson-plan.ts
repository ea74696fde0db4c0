import { britishDate } from '../dates.ts';
import { audienceWords, keyStageWords } from '../lesson/lesson-words.ts';
import { timedParts } from '../lesson/timed-parts.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import { lessonOutputs, outputFileName } from '../outputs.ts';
import { groundRulesFor } from '../slides/index.ts';
import type { Block, Outline } from './outline.ts';
import { hasContentFor } from './visible.ts';

const minutes = (n: number) => `${n} min`;

/** The timed plan: each part with its start and end minute, then the total against the lesson's length. */
function timedPlan(lesson: Lesson): Block {
  const parts = timedParts(lesson);
  const rows = parts.map((part) => [`${part.start}–${part.end}`, part.name, minutes(part.minutes)]);
  const clock = parts.at(-1)?.end ?? 0;
  rows.push(['', 'Total', `${clock} of ${lesson.durationInMinutes} min`]);
  return { type: 'table', header: ['Minutes', 'Part of the lesson', 'Length'], rows, weights: [1, 4, 1.5] };
}

function cycleBlocks(lesson: Lesson, index: number): Block[] {
  const cycle = lesson.cycles[index];
  const at = `cycles[${index}]`;
  const blocks: Block[] = [
    { type: 'section', title: `Learning cycle ${index + 1}: ${cycle.title} (${minutes(cycle.durationInMinutes)})` },
    { type: 'subsection', title: 'Explanation' },
    { type: 'field', field: cycle.explanation, name: `${at}.explanation` },
  ];
  if (cycle.slides?.length) {
    blocks.push({ type: 'subsection', title: 'Slides' }, { type: 'bullets', items: cycle.slides.map((s) => s.title) });
  }
  if (cycle.checkForUnderstanding?.length) {
    blocks.push(
      { type: 'subsection', title: 'Check for understanding' },
      { type: 'quiz', questions: cycle.checkForUnderstanding, answers: true },
    );
  }
  const parts = [
    ['Practice', cycle.practice, 'practice'],
    ['Feedback', cycle.feedback, 'feedback'],
    ['Support', cycle.support, 'support'],
    ['Stretch', cycle.stretch, 'stretch'],
  ] as const;
  for (const [title, field, name] of parts) {
    if (!hasContentFor(field, 'staff')) continue;
    blocks.push({ type: 'subsection', title }, { type: 'field', field, name: `${at}.${name}` });
  }
  return blocks;
}

/**
 * The teacher's (or facilitator's) plan: content guidance and supervision on
 * page 1, the timed plan, DSL notes, ground rules, every cycle with its
 * teacher notes, quizzes with answers, where to get help, curriculum links
 * and sources.
 */
export function lessonPlanOutline(lesson: Lesson, library: Library): Outline {
  const kind = lesson.audience === 'pupils' ? 'Lesson plan' : 'Facilitator plan';
  const unit = library.units.find((u) => u.id === lesson.unit);
  const blocks: Block[] = [
    {
      type: 'title',
      kicker: `${kind}${unit ? ` · ${unit.title}` : ''}`,
      title: lesson.title,
      facts: [...keyStageWords(lesson), `${lesson.durationInMinutes} minutes`, audienceWords[lesson.audience]],
    },
  ];
  const guide = lessonOutputs.find((output) => output.id === 'lesson-guide');
  if (guide && (guide.audiences as readonly string[]).includes(lesson.audience)) {
    blocks.push(
      {
        type: 'note',
        text: `Short of time? The lesson on one page (${outputFileName(lesson.id, guide)}) has what you need to teach it.`,
      },
      { type: 'gap', size: 0.5 },
    );
  }
  blocks.push({ type: 'content-guidance' });
  if (lesson.summary) blocks.push({ type: 'gap' }, { type: 'field', field: lesson.summary, name: 'summary' });
  blocks.push({ type: 'gap' }, { type: 'labelled', label: 'Learning outcome:', text: lesson.learningOutcome });

  blocks.push({ type: 'section', title: 'Key learning points' }, { type: 'bullets', items: lesson.keyLearningPoints });
  if (lesson.priorKnowledge?.length) {
    blocks.push({ type: 'subsection', title: 'Prior knowledge' }, { type: 'bullets', items: lesson.priorKnowledge });
  }
  blocks.push({ type: 'subsection', title: 'Key words' }, { type: 'keywords', header: ['Key word', 'What it means'] });
  if (lesson.misconceptions?.length) {
    blocks.push(
      { type: 'subsection', title: 'Common misconceptions' },
      {
        type: 'table',
        header: ['Misconception', 'How to respond'],
        rows: lesson.misconceptions.map((m) => [m.misconception, m.response]),
        weights: [1, 1.6],
      },
    );
  }

  blocks.push({ type: 'section', title: 'Timed plan' }, timedPlan(lesson));

  if (lesson.dslNotes) {
    blocks.push(
      { type: 'section', title: 'DSL notes' },
      {
        type: 'staff-box',
        label: 'For the DSL and everyone teaching this lesson',
        field: lesson.dslNotes,
        name: 'dslNotes',
      },
    );
  }

  const safe = lesson.safeLearning;
  blocks.push(
    { type: 'section', title: 'Safe learning' },
    { type: 'subsection', title: safe?.groundRules?.length ? 'Ground rules' : 'Ground rules (suggested)' },
    { type: 'bullets', items: groundRulesFor(safe?.groundRules, lesson.audience) },
  );
  if (safe?.distancing) {
    blocks.push(
      { type: 'subsection', title: 'Distancing' },
      { type: 'field', field: safe.distancing, name: 'safeLearning.distancing' },
    );
  }
  if (safe?.questionBox) {
    blocks.push(
      { type: 'subsection', title: 'Question box' },
      {
        type: 'paragraph',
        text: 'Set up an anonymous question box, and answer its questions in this lesson or the next one.',
      },
    );
  }
  if (safe?.timeOut) {
    blocks.push(
      {
        type: 'subsection',
        title: lesson.audience === 'pupils' ? 'If a pupil becomes upset' : 'If someone becomes upset',
      },
      { type: 'field', field: safe.timeOut, name: 'safeLearning.timeOut' },
    );
  }

  if (lesson.starterQuiz?.length) {
    blocks.push(
      { type: 'section', title: 'Starter quiz' },
      { type: 'quiz', questions: lesson.starterQuiz, answers: true },
    );
  }
  if (lesson.baseline) {
    blocks.push(
      { type: 'section', title: `Baseline activity (${minutes(lesson.baseline.durationInMinutes)})` },
      { type: 'field', field: lesson.baseline.activity, name: 'baseline.activity' },
    );
  }
  lesson.cycles.forEach((_, index) => blocks.push(...cycleBlocks(lesson, index)));
  if (lesson.exitQuiz?.length) {
    blocks.push({ type: 'section', title: 'Exit quiz' }, { type: 'quiz', questions: lesson.exitQuiz, answers: true });
  }
  if (lesson.endpoint) {
    blocks.push(
      { type: 'section', title: `Endpoint activity (${minutes(lesson.endpoint.durationInMinutes)})` },
      { type: 'field', field: lesson.endpoint.activity, name: 'endpoint.activity' },
    );
  }

  blocks.push(
    { type: 'section', title: 'Where to get help' },
    {
      type: 'help',
      audience: lesson.audience,
      label: lesson.audience === 'pupils' ? 'What pupils are told' : 'What participants are told',
    },
  );

  const links = lesson.curriculumLinks;
  if (links && Object.values(links).some((items) => items?.length)) {
    blocks.push({ type: 'section', title: 'Curriculum links' });
    const label = (text: string, value: string) => blocks.push({ type: 'labelled', label: text, text: value });
    if (links.rshe?.length) label('RSHE statutory guidance:', links.rshe.join('; '));
    if (links.psheAssociation?.length) label('PSHE Association programme of study:', links.psheAssociation.join(', '));
    if (links.connectedWorld?.length) {
      label('Education for a Connected World:', links.connectedWorld.map((s) => s.replace(/-/g, ' ')).join('; '));
    }
    if (links.fourCs?.length) label('The 4 Cs of online risk (KCSIE):', links.fourCs.join(', '));
  }
  if (lesson.sources?.length)
    blocks.push({ type: 'section', title: 'Sources' }, { type: 'sources', sources: lesson.sources });
  if (lesson.reviewDate) {
    blocks.push(
      { type: 'gap', size: 2 },
      { type: 'note', text: `Review this lesson by ${britishDate(lesson.reviewDate)}.` },
    );
  }
  return {
    kind,
    title: `${lesson.title}: ${kind.toLowerCase()}`,
    subject: `${kind} for ${lesson.title}`,
    reader: 'staff',
    footer: 'staff',
    blocks,
  };
}
