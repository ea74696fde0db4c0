import type { Lesson } from './types.ts';

/**
 * The words every document uses to say who a lesson is for: one home, so the
 * plan, the lesson on one page, the DSL briefing, the Word documents and the
 * unit's approval sheet never disagree.
 */

/** "a", "a and b", "a, b and c". */
export const joinWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** "For pupils", "For staff", "For parents and carers". */
export const audienceWords: Readonly<Record<Lesson['audience'], string>> = {
  pupils: 'For pupils',
  staff: 'For staff',
  parents: 'For parents and carers',
};

/** "Key stage 3", "Year 7", "Years 10 and 11", as the lesson gives them. */
export function keyStageWords(lesson: Pick<Lesson, 'keyStage' | 'yearGroups'>): string[] {
  const words: string[] = [];
  if (lesson.keyStage) words.push(`Key stage ${lesson.keyStage.replace('key-stage-', '')}`);
  const years = lesson.yearGroups ?? [];
  if (years.length) words.push(`${years.length > 1 ? 'Years' : 'Year'} ${joinWords(years.map(String))}`);
  return words;
}
