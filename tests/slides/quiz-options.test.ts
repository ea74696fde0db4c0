import { describe, expect, it } from 'vitest';
import { quizOptions } from '../../src/slides/index.ts';

const question = (n: number) => ({
  question: `Question number ${n}?`,
  answers: ['Right'],
  distractors: ['Wrong one', 'Wrong two', 'Wrong three'],
});

describe('quizOptions', () => {
  it('should letter every answer and distractor once', () => {
    const options = quizOptions('lesson', question(1));
    expect(options.map((o) => o.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(options.map((o) => o.text).sort()).toEqual(['Right', 'Wrong one', 'Wrong three', 'Wrong two']);
    expect(options.filter((o) => o.correct).map((o) => o.text)).toEqual(['Right']);
  });

  it('should give the same order every time for the same lesson and question', () => {
    expect(quizOptions('lesson', question(7))).toEqual(quizOptions('lesson', question(7)));
  });

  it('should not always put the answer in the same place', () => {
    const places = new Set(
      Array.from({ length: 20 }, (_, n) => quizOptions('lesson', question(n)).findIndex((o) => o.correct)),
    );
    expect(places.size).toBeGreaterThan(2);
  });
});
