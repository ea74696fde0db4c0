import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { britishDate } from '../dates.ts';
import { fileNameOf } from '../file-name.ts';
import { sourceDate } from '../source-date.ts';
import { oneYearBefore } from './checks/library-checks.ts';
import { findService } from './help.ts';
import { contentGuidanceLabel, supervisionLabel } from './labels.ts';
import type { Audience, Lesson, Library, Unit } from './types.ts';
import { keyStageWords } from './lesson-words.ts';

/**
 * What a Designated Safeguarding Lead reads before approving a unit, as one
 * model the approval PDF (src/pdf/documents/unit-approval.ts) and the site's
 * `/units/<unit>/approval/` page both show: each lesson's audience,
 * supervision, content guidance, sex-education flag, review date and the help
 * services it names with when each was checked.
 */

export interface ApprovalService {
  id: string;
  name: string;
  /** ISO date the contact facts were last checked. */
  verifiedOn: string;
  /** "26 November 2025". */
  verifiedWords: string;
  /** Verified over 12 months before the build's date: the `signpost-stale` rule. */
  overdue: boolean;
}

export interface ApprovalLesson {
  id: string;
  title: string;
  audience: Audience;
  /** "Pupils (key stage 3, Year 7)", "Staff", "Parents and carers". */
  audienceWords: string;
  durationInMinutes: number;
  supervisionLevel: number;
  /** "Adult supervision required (level 3 of 4)". */
  supervisionWords: string;
  /** Content guidance labels; empty when none was flagged. */
  contentGuidance: string[];
  sexEducation: boolean;
  /** "26 November 2027", when the lesson sets a review date. */
  reviewWords?: string;
  /** The review date has passed on the build's date. */
  reviewPassed: boolean;
  services: ApprovalService[];
  /** Ids the lesson names that the library does not know (the check reports them). */
  unknownServices: string[];
}

export interface UnitApproval {
  unitId: string;
  unitTitle: string;
  lessons: ApprovalLesson[];
  /** The first 12 hex digits of the SHA-256 of the unit's lesson files: {@link lessonFilesVersion}. */
  version: string;
  /** The date overdue checks compare with, ISO. */
  today: string;
  todayWords: string;
  /** How many of the services listed (once each) are overdue. */
  overdueServices: number;
}

/** "26 November 2027": the shared British-style formatter (src/dates.ts). */
export { britishDate };

/**
 * The date the approval sheet checks against: the day of SOURCE_DATE_EPOCH
 * when it is set (a reproducible build), otherwise today, the day `pshe check`
 * compares `verifiedOn` with.
 */
export function approvalDay(env: Record<string, string | undefined> = globalThis.process?.env ?? {}): string {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  const date = raw && /^\d+$/.test(raw) ? sourceDate(env) : new Date();
  return date.toISOString().slice(0, 10);
}

/**
 * Which lessons the DSL approved, exactly: the SHA-256 of each lesson file's
 * name and text, in the unit's order, cut to 12 hex digits. Any edit to a
 * lesson changes it; the package version would not.
 */
export function lessonFilesVersion(lessons: readonly Pick<Lesson, 'file' | 'yamlSource'>[]): string {
  // @noble/hashes rather than node:crypto: the browser's render worker makes the sheet too.
  const hash = sha256.create();
  for (const lesson of lessons) hash.update(utf8ToBytes(`${fileNameOf(lesson.file)}\0${lesson.yamlSource}\0`));
  return bytesToHex(hash.digest()).slice(0, 12);
}

function audienceWords(lesson: Lesson): string {
  if (lesson.audience === 'staff') return 'Staff';
  if (lesson.audience === 'parents') return 'Parents and carers';
  const facts = keyStageWords(lesson).map((words) => words.replace(/^Key stage/, 'key stage'));
  return facts.length ? `Pupils (${facts.join(', ')})` : 'Pupils';
}

/** The approval model of a unit's lessons (in the order given), checked against `today` (ISO). */
export function unitApproval(unit: Unit, lessons: readonly Lesson[], library: Library, today: string): UnitApproval {
  const edge = oneYearBefore(today);
  const overdue = new Set<string>();
  const rows = lessons.map((lesson): ApprovalLesson => {
    const ids = lesson.signposts ?? [];
    const services = ids.flatMap((id): ApprovalService[] => {
      const service = findService(library, id);
      if (!service) return [];
      const late = service.verifiedOn < edge;
      if (late) overdue.add(service.id);
      return [
        {
          id: service.id,
          name: service.name,
          verifiedOn: service.verifiedOn,
          verifiedWords: britishDate(service.verifiedOn),
          overdue: late,
        },
      ];
    });
    return {
      id: lesson.id,
      title: lesson.title,
      audience: lesson.audience,
      audienceWords: audienceWords(lesson),
      durationInMinutes: lesson.durationInMinutes,
      supervisionLevel: lesson.supervisionLevel,
      supervisionWords: `${supervisionLabel(lesson.supervisionLevel)} (level ${lesson.supervisionLevel} of 4)`,
      contentGuidance: lesson.contentGuidance.map(contentGuidanceLabel),
      sexEducation: lesson.sexEducation === true,
      ...(lesson.reviewDate ? { reviewWords: britishDate(lesson.reviewDate) } : {}),
      reviewPassed: Boolean(lesson.reviewDate && lesson.reviewDate < today),
      services,
      unknownServices: ids.filter((id) => !findService(library, id)),
    };
  });
  return {
    unitId: unit.id,
    unitTitle: unit.title,
    lessons: rows,
    version: lessonFilesVersion(lessons),
    today,
    todayWords: britishDate(today),
    overdueServices: overdue.size,
  };
}

/** What the sheet says of an overdue service, on paper and on the page. */
export const overdueWords = 'overdue: check before teaching';

/** How the sheet explains its version, on paper and on the page. */
export const versionNote =
  'The first 12 characters of the SHA-256 of this unit’s lesson files: if any lesson is edited, this changes.';
