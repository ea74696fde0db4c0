import type { Paragraph, RootContent } from 'mdast';
import type { Lesson } from '../lesson/types.ts';
import { list, paragraph, strong, text } from './mdast-build.ts';
import { seededShuffle } from './shuffle.ts';
import { bodyFits } from './fit.ts';
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

const answerWords = (options: Option[]) =>
  options
    .filter((option) => option.correct)
    .map((option) => `${option.letter}. ${option.text}`)
    .join('; ');

/** The answer to one question as the web deck reveals it: "Answer: B. …" (numbered in a quiz). */
const revealLine = (lesson: Lesson, question: Question, number: number | undefined): Paragraph => {
  const plural = question.answers.length > 1;
  const label = `Answer${plural ? 's' : ''}${number === undefined ? '' : ` to ${number}`}: `;
  return paragraph(strong(label), text(answerWords(quizOptions(lesson.id, question))));
};

/**
 * A check for understanding: one 'question' slide, the answer in the notes and
 * revealed on the slide itself in the web deck. In the slides PDF and the
 * PowerPoint the answers of a cycle's checks come together on one slide after
 * them ({@link checkAnswersSlide}).
 */
export function checkSlides(lesson: Lesson, question: Question, section: string, path: string): Slide[] {
  const options = quizOptions(lesson.id, question);
  const at = positionOf(lesson, path);
  const plural = question.answers.length > 1;
  const body: RootContent[] = [paragraph(strong(question.question)), optionList(options)];
  return [
    {
      kind: 'question',
      title: 'Check for understanding',
      body,
      notes: [
        paragraph(
          `Give everyone time to choose${plural ? ' (more than one answer is right)' : ''}, then reveal the answer. `,
          strong(`Answer${plural ? 's' : ''}: `),
          text(answerWords(options)),
        ),
      ],
      reveal: [revealLine(lesson, question, undefined)],
      section,
      ...(at ? { at } : {}),
    },
  ];
}

/** One 'answer' slide for a set of questions: each question with its answers, numbered, in bold and in words. */
function answersSlide(lesson: Lesson, questions: Question[], title: string, section: string, notes: string): Slide {
  return {
    kind: 'answer',
    title,
    body: [
      list(
        questions.map((question) =>
          paragraph(text(`${question.question} `), strong(answerWords(quizOptions(lesson.id, question)))),
        ),
        true,
      ),
    ],
    notes: [paragraph(notes)],
    section,
  };
}

/** The answers of a cycle's checks for understanding, on one slide after the last check. */
export function checkAnswersSlide(lesson: Lesson, questions: Question[], section: string): Slide {
  return answersSlide(
    lesson,
    questions,
    questions.length > 1 ? 'Check for understanding: answers' : 'Check for understanding: answer',
    section,
    'Ask someone to explain why each answer is right and why the others are not.',
  );
}

/** A quiz question as a slide shows it: the question in bold, then its lettered options, one a line. */
const questionBlocks = (lesson: Lesson, question: Question, number: number | undefined): RootContent[] => [
  paragraph(strong(number === undefined ? question.question : `${number}. ${question.question}`)),
  optionList(quizOptions(lesson.id, question)),
];

/**
 * A quiz (starter or exit): its questions, as many to a slide as fit the text
 * budget (a question is never split), the answers in the notes and revealed on
 * the slide in the web deck, then one 'answer' slide with every answer, to go
 * through together in the slides PDF and the PowerPoint.
 */
export function quizSlides(lesson: Lesson, quiz: Question[], name: string, key: string): Slide[] {
  const numbered = quiz.length > 1;
  const runs: number[][] = [];
  for (let index = 0; index < quiz.length; index++) {
    const current = runs.at(-1);
    const blocks = (run: number[]) => run.flatMap((i) => questionBlocks(lesson, quiz[i], numbered ? i + 1 : undefined));
    if (current && bodyFits(blocks([...current, index]))) current.push(index);
    else runs.push([index]);
  }
  const slides: Slide[] = runs.map((run) => {
    const at = positionOf(lesson, `${key}.${run[0]}`);
    const first = run[0] + 1;
    const last = run[run.length - 1] + 1;
    const which = first === last ? `question ${first}` : `questions ${first} to ${last}`;
    return {
      kind: 'quiz',
      title: numbered ? `${name}: ${which} of ${quiz.length}` : name,
      body: run.flatMap((i) => questionBlocks(lesson, quiz[i], numbered ? i + 1 : undefined)),
      notes: run.map((i) =>
        paragraph(
          strong(numbered ? `Answer ${i + 1}: ` : 'Answer: '),
          text(answerWords(quizOptions(lesson.id, quiz[i]))),
        ),
      ),
      reveal: run.map((i) => revealLine(lesson, quiz[i], numbered ? i + 1 : undefined)),
      section: name,
      ...(at ? { at } : {}),
    };
  });
  slides.push(
    answersSlide(
      lesson,
      quiz,
      `${name}: answers`,
      name,
      'Go through the answers together. Note any question many people found hard.',
    ),
  );
  return slides;
}
