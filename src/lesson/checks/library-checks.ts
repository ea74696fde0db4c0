import { diagnostic } from '../diagnostic.ts';
import { didYouMean } from '../../did-you-mean.ts';
import { rules } from '../rules.ts';
import type { Diagnostic, Signpost } from '../types.ts';
import type { Position } from '../yaml-source.ts';

/** A lesson as the library checks see it: its id, file and where things are. */
export interface LessonFacts {
  id: string;
  unit: string;
  file: string;
  idAt: Position;
  signposts: { id: string; at: Position }[];
  /**
   * The file was refused before it was read (a link outside the library, a
   * folder or a pipe): its name still satisfies its unit's list, but it is
   * reported once, not again as unlisted or duplicate.
   */
  refused?: boolean;
}

/** The date one year before `today` (ISO), the edge of "verified over 12 months ago". */
export function oneYearBefore(today: string): string {
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  return `${year - 1}${rest}`;
}

export function checkSignpostRefs(facts: LessonFacts, known: readonly string[]): Diagnostic[] {
  return facts.signposts
    .filter((ref) => !known.includes(ref.id))
    .map((ref) => {
      const suggestion = didYouMean(ref.id, known);
      return diagnostic(
        'signpost-unknown',
        facts.file,
        ref.at,
        rules['signpost-unknown'].message({ id: ref.id, suggestion }),
        {
          expected: [...known],
          actual: ref.id,
        },
      );
    });
}

export function checkDuplicateLessonIds(all: readonly LessonFacts[]): Diagnostic[] {
  const first = new Map<string, LessonFacts>();
  const out: Diagnostic[] = [];
  for (const facts of all) {
    if (facts.refused) continue;
    const earlier = first.get(facts.id);
    if (!earlier) {
      first.set(facts.id, facts);
      continue;
    }
    out.push(
      diagnostic(
        'lesson-duplicate-id',
        facts.file,
        facts.idAt,
        rules['lesson-duplicate-id'].message({ id: facts.id, first: earlier.file }),
        {
          cause: {
            file: earlier.file,
            line: earlier.idAt.line,
            column: earlier.idAt.column,
            message: 'first defined here',
          },
        },
      ),
    );
  }
  return out;
}

export interface UnitFacts {
  id: string;
  file: string;
  lessons: { id: string; at: Position }[];
}

export function checkUnitMembership(unit: UnitFacts, lessonsInFolder: readonly LessonFacts[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inFolder = lessonsInFolder.map((lesson) => lesson.id);
  for (const entry of unit.lessons) {
    if (!inFolder.includes(entry.id)) {
      const suggestion = didYouMean(entry.id, inFolder);
      out.push(
        diagnostic(
          'unit-missing-lesson',
          unit.file,
          entry.at,
          rules['unit-missing-lesson'].message({ id: entry.id, suggestion }),
          {
            expected: inFolder,
            actual: entry.id,
          },
        ),
      );
    }
  }
  const listed = unit.lessons.map((entry) => entry.id);
  for (const lesson of lessonsInFolder) {
    if (!lesson.refused && !listed.includes(lesson.id)) {
      out.push(
        diagnostic(
          'unit-lesson-not-listed',
          lesson.file,
          lesson.idAt,
          rules['unit-lesson-not-listed'].message({ id: lesson.id, unitFile: unit.file }),
        ),
      );
    }
  }
  return out;
}

/** Help services last verified over a year ago, each reported at its `verifiedOn` value. */
export function checkStaleSignposts(
  file: string,
  signposts: readonly Signpost[],
  /** Where each service's `verifiedOn` value is. */
  verifiedOnAt: Position[],
  today: string,
): Diagnostic[] {
  const edge = oneYearBefore(today);
  return signposts.flatMap((service, index) =>
    service.verifiedOn < edge
      ? [
          diagnostic(
            'signpost-stale',
            file,
            verifiedOnAt[index],
            rules['signpost-stale'].message({ name: service.name, verifiedOn: service.verifiedOn }),
          ),
        ]
      : [],
  );
}
