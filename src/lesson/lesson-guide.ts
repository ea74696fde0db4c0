import { signpostIdOf } from '../markdown/signpost-id.ts';
import type { Nodes, Root } from 'mdast';
import 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { dslRoute, dslWords, findService } from './help.ts';
import { contentGuidanceLabel, supervisionLabel } from './labels.ts';
import { timedParts } from './timed-parts.ts';
import type { Lesson, Library } from './types.ts';
import { audienceWords, keyStageWords } from './lesson-words.ts';

/**
 * "The lesson on one page" as data: what a form tutor needs five minutes
 * before the lesson. The one-page PDF (src/pdf/documents/lesson-guide.ts) and
 * the top of the lesson's web page (src/site/components/LessonGuide.astro)
 * both render this, so the two never disagree. Data only: no pdfkit, no file
 * reading (the disclosure steps come in from templates/disclosure-steps.yaml).
 */

/** The fields of the lesson that can make the guide long, as `render-adjusted` names them. */
/**
 * A field's words on one line, a `:signpost[id]` as the service's name (mdast-util-to-string
 * would give the bare id, such as "samaritans").
 */
function plainWords(tree: Root, library: Library): string {
  const words = (node: Nodes): string => {
    if (node.type === 'textDirective' && node.name === 'signpost') {
      const id = signpostIdOf(node);
      return findService(library, id)?.name ?? id;
    }
    if ('children' in node)
      return node.children
        .map((child) => words(child as Nodes))
        .join(node.type === 'root' || node.type === 'list' ? ' ' : '');
    return toString(node);
  };
  return words(tree).replace(/\s+/g, ' ').trim();
}

export type GuideField = 'learningOutcome' | 'keyLearningPoints' | 'safeLearning.timeOut' | 'cycles';

/** One thing to do before the lesson: a short bold label, then the text. */
export interface GuideTask {
  /** The lesson field the text comes from, when it comes from one. */
  field?: GuideField;
  label: string;
  text: string;
}

export interface GuideTimingRow {
  /** "0–5" */
  when: string;
  name: string;
  minutes: number;
}

export interface LessonGuide {
  heading: string;
  title: string;
  /** "For pupils", "Key stage 3", "Years 8 and 9", "60 minutes". */
  facts: string[];
  outcome: string;
  contentGuidance: string[];
  /** "Adult supervision required (level 3 of 4)." */
  supervision: string;
  /** Whether the lesson needs the DSL's agreement first (see {@link needsDslAgreement}). */
  needsAgreement: boolean;
  /** "Before the lesson" (pupils) or "Before the session". */
  beforeHeading: string;
  before: GuideTask[];
  timing: { rows: GuideTimingRow[]; total: number; length: number };
  keyLearningPoints: string[];
  disclosure: { title: string; steps: string[]; call: string };
}

export interface GuideInputs {
  /** The steps of templates/disclosure-steps.yaml (its `title` and `steps`). */
  disclosure: { title: string; steps: readonly string[] };
  /**
   * The lesson's file of an output, when its audience gets it (src/outputs.ts
   * `lessonFileName`, passed in: the registry is a later stage than the model).
   */
  fileName: (id: 'handout' | 'parent-letter') => string | undefined;
  /** Pages of the handout PDF rendered in the same run; unknown on the web page. */
  handoutPages?: number;
}

/** The heading of the guide, on paper and on the web page. */
export const guideHeading = 'The lesson on one page';

/** A class or group, for printing. */
export const groupSize = 30;

/**
 * A lesson is not for short notice when the DSL must agree it first: adult
 * supervision required or more (level 3 or 4), sex education (parents may
 * withdraw their child, so the list must be checked), or self-harm mentioned.
 */
export function needsDslAgreement(lesson: Lesson): boolean {
  return (
    lesson.supervisionLevel >= 3 ||
    Boolean(lesson.sexEducation) ||
    lesson.contentGuidance.includes('x/self-harm-mentioned')
  );
}

/**
 * The three steps the guide prints: the template's first two (listen; do not
 * promise secrecy) and its step that tells the DSL the same day, in the
 * template's words. Falls back to the first three when no step names the DSL.
 */
export function guideDisclosureSteps(steps: readonly string[]): string[] {
  const dsl = steps.findIndex((step, index) => index >= 2 && /\bDSL\b/.test(step));
  return dsl < 0 ? steps.slice(0, 3) : [steps[0], steps[1], steps[dsl]].filter(Boolean);
}

function beforeTasks(lesson: Lesson, library: Library, inputs: GuideInputs, needsAgreement: boolean): GuideTask[] {
  const pupils = lesson.audience === 'pupils';
  const noun = pupils ? 'lesson' : 'session';
  const dsl = dslWords(dslRoute(library.school));
  const tasks: GuideTask[] = [];
  tasks.push(
    needsAgreement
      ? {
          label: 'Tell the DSL:',
          text: `agree the date with ${dsl} at least five school days before. Not for short notice: the DSL must agree this ${noun} before it is taught.`,
        }
      : { label: 'Tell the DSL:', text: `tell ${dsl} when you will teach it, by the day before.` },
  );
  const letter = inputs.fileName('parent-letter');
  if (pupils && letter) {
    tasks.push({
      label: 'Letter:',
      text: `check the letter to parents and carers (${letter}) was sent, at least a week before.`,
    });
  }
  if (lesson.sexEducation) {
    tasks.push({
      label: 'Withdrawal:',
      text: 'Check who is withdrawn from sex education, and plan where they will be.',
    });
  }
  if (lesson.safeLearning?.questionBox) {
    tasks.push({
      label: 'Question box:',
      text: 'set up an anonymous question box, and answer it this lesson or next.',
    });
  }
  if (lesson.safeLearning?.timeOut) {
    tasks.push({
      field: 'safeLearning.timeOut',
      label: 'Time-out and who follows up:',
      text: plainWords(lesson.safeLearning.timeOut.tree, library),
    });
  }
  const handout = inputs.fileName('handout');
  if (handout) {
    const who = pupils ? `a class of ${groupSize}` : `a group of ${groupSize}`;
    const pages = inputs.handoutPages;
    tasks.push({
      label: 'Print:',
      text:
        pages === undefined
          ? `the handout (${handout}), one for each ${pupils ? 'pupil' : 'person'}; large print for anyone who needs it.`
          : `the handout (${handout}), ${pages} ${pages === 1 ? 'page' : 'pages'} each: ${pages * groupSize} sheets for ${who}, printed single-sided; large print for anyone who needs it.`,
    });
  }
  return tasks;
}

/** The guide's content for a lesson, from the lesson, the library (the DSL route) and the disclosure template. */
export function lessonGuide(lesson: Lesson, library: Library, inputs: GuideInputs): LessonGuide {
  const facts = [audienceWords[lesson.audience], ...keyStageWords(lesson)];
  facts.push(`${lesson.durationInMinutes} minutes`);

  const parts = timedParts(lesson);
  const rows = parts.map((part) => ({ when: `${part.start}–${part.end}`, name: part.name, minutes: part.minutes }));
  const total = parts.reduce((sum, part) => sum + part.minutes, 0);
  if (total < lesson.durationInMinutes) {
    const close =
      lesson.audience === 'pupils' ? 'Questions, exit quiz and where to get help' : 'Questions and where to get help';
    rows.push({ when: `${total}–${lesson.durationInMinutes}`, name: close, minutes: lesson.durationInMinutes - total });
  }

  const route = dslRoute(library.school);
  const call = route
    ? `${dslWords(route)}: ${route.contact}${route.deputy ? `. Deputy: ${route.deputy}` : ''}.`
    : `${dslWords(route).replace(/^y/, 'Y')}, the same day.`;
  const needsAgreement = needsDslAgreement(lesson);
  return {
    heading: guideHeading,
    title: lesson.title,
    facts,
    outcome: lesson.learningOutcome,
    contentGuidance: lesson.contentGuidance.map(contentGuidanceLabel),
    supervision: `${supervisionLabel(lesson.supervisionLevel)} (level ${lesson.supervisionLevel} of 4).`,
    needsAgreement,
    beforeHeading: lesson.audience === 'pupils' ? 'Before the lesson' : 'Before the session',
    before: beforeTasks(lesson, library, inputs, needsAgreement),
    timing: { rows, total: lesson.durationInMinutes, length: lesson.durationInMinutes },
    keyLearningPoints: [...lesson.keyLearningPoints],
    disclosure: {
      title: inputs.disclosure.title,
      steps: guideDisclosureSteps(inputs.disclosure.steps),
      call,
    },
  };
}

/** What is cut from a field that does not fit: the rest is in the lesson plan. */
export const seePlan = '… (see the lesson plan)';

/** How long each field that can grow is, in characters: the longest is cut first. */
export function guideFieldLengths(guide: LessonGuide): Record<GuideField, number> {
  const timeOut = guide.before.find((task) => task.field === 'safeLearning.timeOut')?.text ?? '';
  return {
    learningOutcome: guide.outcome.length,
    keyLearningPoints: guide.keyLearningPoints.join(' ').length,
    'safeLearning.timeOut': timeOut.length,
    cycles: guide.timing.rows.map((row) => row.name).join(' ').length,
  };
}

const cut = (text: string, chars: number) => {
  if (text.length <= chars) return text;
  const head = text.slice(0, Math.max(0, chars));
  const word = head.replace(/\s+\S*$/, '');
  return `${(word || head).replace(/[\s,.;:–-]+$/, '')}${seePlan}`;
};

/**
 * The guide with one field cut to about `share` (0–1) of its length, ending
 * "… (see the lesson plan)": a list keeps its first items, a text its first
 * words. For the one page when the smallest size is not enough.
 */
export function shortenGuide(guide: LessonGuide, field: GuideField, share: number): LessonGuide {
  switch (field) {
    case 'learningOutcome':
      return { ...guide, outcome: cut(guide.outcome, Math.floor(guide.outcome.length * share)) };
    case 'safeLearning.timeOut':
      return {
        ...guide,
        before: guide.before.map((task) =>
          task.field === field ? { ...task, text: cut(task.text, Math.floor(task.text.length * share)) } : task,
        ),
      };
    case 'cycles':
      return {
        ...guide,
        timing: {
          ...guide.timing,
          rows: guide.timing.rows.map((row) => ({
            ...row,
            name: cut(row.name, Math.max(24, Math.floor(row.name.length * share))),
          })),
        },
      };
    case 'keyLearningPoints': {
      const points = guide.keyLearningPoints;
      const budget = Math.floor(points.join(' ').length * share);
      const kept: string[] = [];
      let used = 0;
      for (const point of points) {
        if (used + point.length > budget) {
          const rest = budget - used;
          if (rest > 40 || kept.length === 0) kept.push(cut(point, Math.max(40, rest)));
          else kept[kept.length - 1] = `${kept[kept.length - 1].replace(/[.\s]+$/, '')}${seePlan}`;
          break;
        }
        kept.push(point);
        used += point.length + 1;
      }
      return { ...guide, keyLearningPoints: kept };
    }
  }
}
