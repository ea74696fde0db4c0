import type { RootContent } from 'mdast';
import type { Lesson, Library } from '../lesson/types.ts';
import { contentGuidanceLabel, supervisionLabel } from './content-guidance.ts';
import { cycleSlides } from './cycle-slides.ts';
import { groundRulesFor } from './default-ground-rules.ts';
import { helpSlide } from './help-slide.ts';
import { blocks, list, paragraph, strong, text } from './mdast-build.ts';
import { quizSlides } from './quiz-slides.ts';
import { separateTeacher } from './separate-blocks.ts';
import { atNode, positionOf } from './source-lines.ts';
import type { Slide } from './types.ts';

function titleSlide(lesson: Lesson): Slide {
  const guidance = lesson.contentGuidance.length
    ? lesson.contentGuidance.map(contentGuidanceLabel).join(', ')
    : 'none for this lesson';
  const notes: RootContent[] = [
    paragraph(strong('Timing: '), text(`${lesson.durationInMinutes} minutes in total.`)),
    ...blocks(lesson.summary?.tree.children),
  ];
  if (lesson.dslNotes) notes.push(paragraph(strong('DSL notes:')), ...lesson.dslNotes.tree.children);
  return {
    kind: 'title',
    title: lesson.title,
    body: [
      paragraph(strong('Content guidance: '), text(guidance)),
      paragraph(
        strong('Supervision: '),
        text(`level ${lesson.supervisionLevel}, ${supervisionLabel(lesson.supervisionLevel).toLowerCase()}`),
      ),
      paragraph(strong('By the end: '), text(lesson.learningOutcome)),
    ],
    notes,
    at: positionOf(lesson, 'title') ?? { line: 1, column: 1 },
  };
}

function groundRulesSlide(lesson: Lesson): Slide {
  const safe = lesson.safeLearning;
  const notes: RootContent[] = [];
  if (safe?.distancing)
    notes.push(paragraph(strong('Distancing:')), ...separateTeacher(safe.distancing.tree.children).body);
  if (safe?.timeOut)
    notes.push(paragraph(strong('If someone is upset:')), ...separateTeacher(safe.timeOut.tree.children).body);
  if (safe?.questionBox)
    notes.push(paragraph('Point out the anonymous question box and when you will answer what is in it.'));
  if (!notes.length)
    notes.push(paragraph('Agree the ground rules before any content. Anyone may pass on any activity.'));
  const at = safe?.groundRules ? positionOf(lesson, 'safeLearning.groundRules') : undefined;
  return {
    kind: 'ground-rules',
    title: 'Ground rules',
    body: [list([...groundRulesFor(safe?.groundRules, lesson.audience)])],
    notes,
    section: 'Ground rules',
    ...(at ? { at } : {}),
  };
}

function activitySlide(lesson: Lesson, key: 'baseline' | 'endpoint'): Slide[] {
  const activity = lesson[key];
  if (!activity) return [];
  const { body, notes } = separateTeacher(activity.activity.tree.children);
  const baseline = key === 'baseline';
  const at = atNode(activity.activity.tree.children[0]) ?? positionOf(lesson, key);
  return [
    {
      kind: key,
      title: baseline ? 'Before we start' : 'Looking back',
      body,
      notes: [
        paragraph(
          strong(`Timing: ${activity.durationInMinutes} minutes. `),
          text(
            baseline
              ? 'Keep what people write: you come back to it at the end.'
              : 'Compare with the baseline: what has changed?',
          ),
        ),
        ...notes,
      ],
      section: baseline ? 'Baseline' : 'Endpoint',
      ...(at ? { at } : {}),
    },
  ];
}

/**
 * Every slide of a lesson before fitting, in teaching order: title (content
 * guidance and supervision first, design.md "Safe practice"), ground rules,
 * starter quiz, baseline (the order of the lesson plan and the handout), the cycles, exit quiz, endpoint, and where to get help.
 */
export function lessonSlides(lesson: Lesson, library: Library): Slide[] {
  return [
    titleSlide(lesson),
    groundRulesSlide(lesson),
    ...(lesson.starterQuiz ? quizSlides(lesson, lesson.starterQuiz, 'Starter quiz', 'starterQuiz') : []),
    ...activitySlide(lesson, 'baseline'),
    ...lesson.cycles.flatMap((cycle, index) => cycleSlides(lesson, cycle, index)),
    ...(lesson.exitQuiz ? quizSlides(lesson, lesson.exitQuiz, 'Exit quiz', 'exitQuiz') : []),
    ...activitySlide(lesson, 'endpoint'),
    helpSlide(lesson, library),
  ];
}
