import type { Lesson } from '../../lesson/types.ts';
import { fourCs, strands } from './labels.ts';
import type { FourC, Strand } from './labels.ts';

/** One column of the coverage matrix: a UKCIS strand or one of the 4 Cs. */
export interface CoverageColumn {
  group: 'strand' | 'fourC';
  code: Strand | FourC;
  /** Ids of the lessons that cover it. */
  lessons: string[];
}

/** Which lessons cover each UKCIS strand and each of the 4 Cs; an empty `lessons` is a gap. */
export function coverage(lessons: readonly Lesson[]): CoverageColumn[] {
  const covering = (pick: (lesson: Lesson) => readonly string[] | undefined, code: string) =>
    lessons.filter((lesson) => pick(lesson)?.includes(code)).map((lesson) => lesson.id);
  return [
    ...strands.map((code) => ({
      group: 'strand' as const,
      code,
      lessons: covering((l) => l.curriculumLinks?.connectedWorld, code),
    })),
    ...fourCs.map((code) => ({
      group: 'fourC' as const,
      code,
      lessons: covering((l) => l.curriculumLinks?.fourCs, code),
    })),
  ];
}
