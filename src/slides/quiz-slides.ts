import type { Paragraph, RootContent } from 'mdast';
import type { Lesson } from '../lesson/types.ts';
import { list, paragraph, strong, text } from './mdast-build.ts';
import { seededShuffle } from './shuffle.ts';
import { positionOf } from './source-lines.ts';
import type { Slide } from './types.ts';

type Question = NonNullable<Lesson['exitQuiz']>[number];

export interface Option {
  letter: string;
  text: string;
  correct: boolean;
}

/**
 * Answers and distractors in one order fixed by the lesson and the question,
 * lettered A, B, C…: the same every build, and not "the answer is always A".
 */
export function quizOptions(lessonId: string, question: Question): Option[] {
  const options = [
    ...question.answers.map((value) => ({ text: value, correct: true })),
    ...question.distractors.map((value) => ({ text: value, correct: false })),
  ];
  return seededShuffle(options, `${lessonId}\u0000${question.question}`).map((option, index) => ({
    ...option,
    letter: String.fromCharCode(65 + index),
  }));
}

const optionLine = (option: Option): Paragraph => paragraph(strong(`${option.letter}.`), text(` ${option.text}`));

/** The options as the audience sees them on a question slide. */
const optionList = (options: Option[]) => list(options.map(optionLine));

/** The same options with the answers shown: bold, and marked in words (not by colour alone). */
const revealList = (options: Option[]) =>
  list(
    options.map((option) =>
      option.correct
        ? paragraph(strong(`${option.letter}. ${option.text}`), text(' (correct answer)'))
        : optionLine(option),
    ),
  );

const answerWords = (options: Option[]) =>
  options
    .filter((option) => option.correct)
    .map((option) => `${option.letter}. ${option.text}`)
    .join('; ');

/**
 * A check for understanding: a 'question' slide, then an 'answer' slide that
 * reveals the answer on the next step (same options, same order).
 */
export function checkSlides(lesson: Lesson, question: Question, section: string, path: string): Slide[] {
  const options = quizOptions(lesson.id, question);
  const at = positionOf(lesson, path);
  const plural = question.answers.length > 1;
  const title = 'Check for understanding';
  const body: RootContent[] = [paragraph(strong(question.question)), optionList(options)];
  return [
    {
      kind: 'question',
      title,
      body,
      notes: [
        paragraph(
          `Give everyone time to choose${plural ? ' (more than one answer is right)' : ''}, then reveal the answer on the next slide. `,
          strong(`Answer${plural ? 's' : ''}: `),
          text(answerWords(options)),
        ),
      ],
      section,
      ...(at ? { at } : {}),
    },
    {
      kind: 'answer',
      title: `${title}: answer`,
      body: [paragraph(strong(question.question)), revealList(options)],
      notes: [paragraph('Ask someone to explain why the answer is right and why the others are not.')],
      section,
      ...(at ? { at } : {}),
    },
  ];
}

/**
 * A quiz (starter or exit): one 'quiz' slide a question, the answer in the
 * notes, then one 'answer' slide with every answer, to go through together.
 */
export function quizSlides(lesson: Lesson, quiz: Question[], name: string, key: string): Slide[] {
  const slides: Slide[] = quiz.map((question, index) => {
    const options = quizOptions(lesson.id, question);
    const at = positionOf(lesson, `${key}.${index}`);
    return {
      kind: 'quiz',
      title: quiz.length > 1 ? `${name}: question ${index + 1} of ${quiz.length}` : name,
      body: [paragraph(strong(question.question)), optionList(options)],
      notes: [paragraph(strong('Answer: '), text(answerWords(options)))],
      section: name,
      ...(at ? { at } : {}),
    };
  });
  slides.push({
    kind: 'answer',
    title: `${name}: answers`,
    body: [
      list(
        quiz.map((question) =>
          paragraph(text(`${question.question} `), strong(answerWords(quizOptions(lesson.id, question)))),
        ),
        true,
      ),
    ],
    notes: [paragraph('Go through the answers together. Note any question many people found hard.')],
    section: name,
  });
  return slides;
}
