import type { Library, Lesson } from '../lesson/types.ts';
import type { Block, Outline } from './outline.ts';
import { hasContentFor } from './visible.ts';

/**
 * The pupil's (or participant's) handout: the aim, key words, the starter
 * quiz, the baseline, each practice task with its scenarios and space to
 * write, the exit quiz without answers, the endpoint and where to get help.
 * Read as a participant, so `:::teacher` notes are never shown; DSL notes and
 * explanations are never read.
 */
export function handoutOutline(lesson: Lesson, library: Library, options: { largePrint?: boolean } = {}): Outline {
  const kind = options.largePrint ? 'Handout (large print)' : 'Handout';
  const reader = 'participant';
  const blocks: Block[] = [
    {
      type: 'title',
      kicker: library.school ? `${kind} · ${library.school.name}` : kind,
      title: lesson.title,
      facts: [],
    },
  ];
  if (lesson.audience === 'pupils') blocks.push({ type: 'name-line' });
  blocks.push({
    type: 'labelled',
    label: lesson.audience === 'pupils' ? 'Today’s aim:' : 'Aim of the session:',
    text: lesson.learningOutcome,
  });
  blocks.push({ type: 'section', title: 'Key words' }, { type: 'keywords', header: ['Key word', 'What it means'] });
  const quiz = (title: string, questions: Lesson['starterQuiz']) => {
    if (!questions?.length) return;
    blocks.push(
      { type: 'section', title },
      { type: 'note', text: 'Tick one answer for each question.' },
      { type: 'gap', size: 0.6 },
      { type: 'quiz', questions, answers: false },
    );
  };
  const field = (title: string, value: Lesson['summary'], name: string) => {
    if (!hasContentFor(value, reader)) return;
    blocks.push({ type: 'section', title, keepWith: { field: value, name } }, { type: 'field', field: value, name });
  };
  // The plan's order: starter quiz, then the baseline (pupils may answer the starter quiz here).
  quiz('Starter quiz', lesson.starterQuiz);
  field('Before we start', lesson.baseline?.activity, 'baseline.activity');
  lesson.cycles.forEach((cycle, index) => field(cycle.title, cycle.practice, `cycles[${index}].practice`));
  quiz('Exit quiz', lesson.exitQuiz);
  field('At the end', lesson.endpoint?.activity, 'endpoint.activity');
  blocks.push({ type: 'section', title: 'Where to get help' }, { type: 'help', audience: lesson.audience });
  return {
    kind,
    title: `${lesson.title}: ${kind.toLowerCase()}`,
    subject: `${kind} for ${lesson.title}`,
    reader,
    footer: lesson.audience,
    blocks,
  };
}
