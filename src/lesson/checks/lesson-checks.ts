import type { z } from 'zod';
import { diagnostic } from '../diagnostic.ts';
import { rules } from '../rules.ts';
import type { lessonSchema } from '../schema.ts';
import { yearsOfKeyStage } from '../schema.ts';
import type { Diagnostic } from '../types.ts';
import { positionAt } from '../yaml-source.ts';
import type { YamlSource } from '../yaml-source.ts';
import { checkScenarioCharacters } from './characters.ts';
import { MENTAL_HEALTH_SIGNPOSTS } from './mentions.ts';
import { checkParentLetter } from './parent-letter.ts';
import { lessonPassages } from './passages.ts';
import { checkReadingLevel } from './reading-level.ts';
import { checkSelfHarmHelp } from './self-harm-help.ts';
import { checkLessonSourceNotes } from './source-notes.ts';
import { checkTerminology, terminologyFor } from './terminology.ts';
import type { TerminologyEntry } from './terminology.ts';

type LessonData = z.output<typeof lessonSchema>;

export interface LessonCheckContext {
  lesson: LessonData;
  source: YamlSource;
  /** The date that date rules compare with (ISO). */
  today: string;
  /** Terms the library's own `terminology.yaml` adds to the built-in list (`loadLibraryTerminology`). */
  terminology?: readonly TerminologyEntry[];
}

type Check = (context: LessonCheckContext) => Diagnostic[];

const pupilRequirements: Check = ({ lesson, source }) => {
  if (lesson.audience !== 'pupils') return [];
  const out: Diagnostic[] = [];
  const top = positionAt(source, ['title']);
  if (!lesson.keyStage) {
    out.push(diagnostic('pupil-key-stage-required', source.file, top, rules['pupil-key-stage-required'].message()));
  }
  if (!lesson.dslNotes?.source.trim()) {
    out.push(diagnostic('pupil-dsl-notes-required', source.file, top, rules['pupil-dsl-notes-required'].message()));
  }
  if (!lesson.signposts?.length) {
    out.push(diagnostic('pupil-signposts-required', source.file, top, rules['pupil-signposts-required'].message()));
  }
  if (!/^I can\b/.test(lesson.learningOutcome.trim())) {
    out.push(
      diagnostic(
        'pupil-outcome-i-can',
        source.file,
        positionAt(source, ['learningOutcome']),
        rules['pupil-outcome-i-can'].message(),
      ),
    );
  }
  return out;
};

const yearGroups: Check = ({ lesson, source }) => {
  if (!lesson.keyStage || !lesson.yearGroups) return [];
  const allowed = yearsOfKeyStage[lesson.keyStage];
  return lesson.yearGroups.flatMap((year, index) =>
    allowed.includes(year)
      ? []
      : [
          diagnostic(
            'year-group-key-stage',
            source.file,
            positionAt(source, ['yearGroups', index]),
            rules['year-group-key-stage'].message({ year, keyStage: lesson.keyStage as string, years: allowed }),
          ),
        ],
  );
};

const timing: Check = ({ lesson, source }) => {
  const parts = [
    lesson.baseline ? lesson.baseline.durationInMinutes : 0,
    ...lesson.cycles.map((cycle) => cycle.durationInMinutes),
    lesson.endpoint ? lesson.endpoint.durationInMinutes : 0,
  ];
  const total = parts.reduce((sum, minutes) => sum + minutes, 0);
  const at = positionAt(source, ['durationInMinutes']);
  const length = lesson.durationInMinutes;
  if (total > length) {
    return [diagnostic('timing-over', source.file, at, rules['timing-over'].message({ total, length }))];
  }
  if (total < length * 0.75) {
    return [diagnostic('timing-under', source.file, at, rules['timing-under'].message({ total, length }))];
  }
  return [];
};

const selfHarm: Check = ({ lesson, source }) => {
  const index = lesson.contentGuidance.indexOf('x/self-harm-mentioned');
  if (index < 0) return [];
  const out: Diagnostic[] = [];
  if (lesson.supervisionLevel < 3) {
    out.push(
      diagnostic(
        'self-harm-supervision',
        source.file,
        positionAt(source, ['supervisionLevel']),
        rules['self-harm-supervision'].message(lesson.supervisionLevel),
      ),
    );
  }
  if (!lesson.signposts?.some((id) => (MENTAL_HEALTH_SIGNPOSTS as readonly string[]).includes(id))) {
    out.push(
      diagnostic(
        'self-harm-signpost',
        source.file,
        positionAt(source, ['contentGuidance', index]),
        rules['self-harm-signpost'].message(),
      ),
    );
  }
  return out;
};

const reviewDate: Check = ({ lesson, source, today }) =>
  lesson.reviewDate && lesson.reviewDate < today
    ? [
        diagnostic(
          'review-date-passed',
          source.file,
          positionAt(source, ['reviewDate']),
          rules['review-date-passed'].message(lesson.reviewDate),
        ),
      ]
    : [];

const sourceLinks: Check = ({ lesson, source }) =>
  (lesson.sources ?? []).flatMap((entry, index) => {
    const url = entry.url.trim();
    if (/^(javascript|data|vbscript):/i.test(url)) {
      return [
        diagnostic(
          'link-unsafe-scheme',
          source.file,
          positionAt(source, ['sources', index, 'url']),
          rules['link-unsafe-scheme'].message(),
        ),
      ];
    }
    return url.startsWith('https://')
      ? []
      : [
          diagnostic(
            'link-not-https',
            source.file,
            positionAt(source, ['sources', index, 'url']),
            rules['link-not-https'].message(url),
          ),
        ];
  });

/** Strings that `pshe new` leaves for the author to replace. */
export const PLACEHOLDER = 'TODO:';

const placeholders: Check = ({ source }) => {
  const out: Diagnostic[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      if (value.includes(PLACEHOLDER)) {
        out.push(
          diagnostic(
            'unfinished-placeholder',
            source.file,
            positionAt(source, path),
            rules['unfinished-placeholder'].message(PLACEHOLDER),
          ),
        );
      }
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(source.data, []);
  return out;
};

/** Every scenario's name among the lesson's `characters`, when it lists them (`scenario-name-not-in-characters`). */
const scenarioCharacters: Check = ({ lesson, source }) => checkScenarioCharacters(lesson, source);

/** Sources are printed: no notes to ourselves in them (`source-internal-note`). */
const sourceNotes: Check = ({ lesson, source }) => checkLessonSourceNotes(lesson.sources, source);

/**
 * The checks on the lesson's words (issue 14), over its blocks of text
 * (`passages.ts`), found once: help beside every mention of self-harm, the
 * letter home, safeguarding terms and reading level.
 */
const wording: Check = ({ lesson, source, terminology }) => {
  const passages = lessonPassages(lesson, source);
  return [
    ...checkSelfHarmHelp(passages, source),
    ...checkParentLetter(lesson, passages, source),
    ...checkTerminology(passages, source, terminologyFor(terminology)),
    ...checkReadingLevel(lesson, passages, source),
  ];
};

/** Rules that span fields of one lesson, run after the schema passed. */
export const lessonChecks: readonly Check[] = [
  pupilRequirements,
  yearGroups,
  timing,
  scenarioCharacters,
  selfHarm,
  reviewDate,
  sourceLinks,
  sourceNotes,
  placeholders,
  wording,
];

export function checkLesson(context: LessonCheckContext): Diagnostic[] {
  return lessonChecks.flatMap((check) => check(context));
}
