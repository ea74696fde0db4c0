import type { Audience } from './lesson/types.ts';

/**
 * Every file a lesson builds to, in one place (design.md, "one source for
 * each shared fact" and "Outputs"): the build renders these, the site lists
 * them, a pack's README describes them and the tests check them. Data only,
 * so the site can import it without pulling in a renderer; each renderer
 * stage keys its functions by {@link OutputId} (src/pdf/render-lesson-pdfs.ts,
 * src/pipeline/render-downloads.ts, src/pipeline/lesson-downloads.ts), and the
 * types refuse an entry here with no renderer there.
 *
 * Order is the order of design.md's table and of the site's download list.
 */

/** What the site shows next to a download's link. */
export type OutputKind = 'PDF' | 'PowerPoint' | 'Word' | 'Zip';

export interface LessonOutput {
  /** Key of the output's renderer. */
  readonly id: string;
  /** The file name after `<lesson id>-`: `/downloads/<id>/<id>-<suffix>`. */
  readonly suffix: string;
  readonly kind: OutputKind;
  /** The link's text on the lesson page, by the lesson's audience. */
  readonly label: Readonly<Record<Audience, string>>;
  /** The line under the link on the lesson page. */
  readonly detail: string;
  /** The lesson audiences that get this output. */
  readonly audiences: readonly Audience[];
  /** Whether the lesson's pack holds the file. */
  readonly inPack: boolean;
  /** What the pack's README says of the file, after its name. */
  readonly packReadme?: string;
  /** The page the renderer makes ('A4' or a 16:9 slide), for files that have pages. */
  readonly page?: 'A4' | '16:9';
}

const everyone = ['pupils', 'staff', 'parents'] as const satisfies readonly Audience[];
const pupilsOnly = ['pupils'] as const satisfies readonly Audience[];
const parentsOnly = ['parents'] as const satisfies readonly Audience[];
const staffOnly = ['staff'] as const satisfies readonly Audience[];
const same = (label: string) => ({ pupils: label, staff: label, parents: label });

export const lessonOutputs = [
  {
    id: 'lesson-plan',
    suffix: 'lesson-plan.pdf',
    kind: 'PDF',
    label: { pupils: 'Lesson plan', staff: 'Facilitator plan', parents: 'Facilitator plan' },
    detail: 'Everything on this page, to print.',
    audiences: everyone,
    inPack: true,
    packReadme: 'the lesson plan for the teacher, with timings, DSL notes and answers',
    page: 'A4',
  },
  {
    id: 'lesson-guide',
    suffix: 'lesson-guide.pdf',
    kind: 'PDF',
    label: same('The lesson on one page'),
    detail: 'One A4 page to read five minutes before.',
    audiences: everyone,
    inPack: true,
    packReadme: 'the lesson on one page: what to do before, timings, key points and what to do on a disclosure',
    page: 'A4',
  },
  {
    id: 'handout',
    suffix: 'handout.pdf',
    kind: 'PDF',
    label: { pupils: 'Pupil handout', staff: 'Participant handout', parents: 'Participant handout' },
    detail: 'Activities and where to get help; no teacher notes.',
    audiences: everyone,
    inPack: true,
    packReadme: 'the handout (no teacher-only content)',
    page: 'A4',
  },
  {
    id: 'handout-large-print',
    suffix: 'handout-large-print.pdf',
    kind: 'PDF',
    label: same('Large-print handout'),
    detail: 'The same handout in large print.',
    audiences: everyone,
    inPack: true,
    packReadme: 'the handout in large print',
    page: 'A4',
  },
  {
    id: 'slides-pdf',
    suffix: 'slides.pdf',
    kind: 'PDF',
    label: same('Slides'),
    detail: 'One slide a page.',
    audiences: everyone,
    inPack: true,
    packReadme: 'the slides, one per page',
    page: '16:9',
  },
  {
    id: 'slides-with-notes',
    suffix: 'slides-with-notes.pdf',
    kind: 'PDF',
    label: same('Slides with presenter notes'),
    detail: 'A4, each slide with its notes.',
    audiences: everyone,
    inPack: true,
    packReadme: 'the slides with presenter notes, for the trainer',
    page: 'A4',
  },
  {
    id: 'dsl-briefing',
    suffix: 'dsl-briefing.pdf',
    kind: 'PDF',
    label: same('DSL briefing'),
    detail: 'One page for the Designated Safeguarding Lead to approve.',
    audiences: pupilsOnly,
    inPack: true,
    packReadme: 'a one-page briefing for the Designated Safeguarding Lead',
    page: 'A4',
  },
  {
    id: 'parent-letter',
    suffix: 'parent-letter.pdf',
    kind: 'PDF',
    label: same('Letter to parents and carers'),
    detail: 'Tells families what the lesson covers.',
    audiences: pupilsOnly,
    inPack: true,
    packReadme: 'the letter to parents and carers',
    page: 'A4',
  },
  {
    id: 'invitation-letter',
    suffix: 'invitation-letter.pdf',
    kind: 'PDF',
    label: same('Invitation to parents and carers'),
    detail: 'What the session covers, with lines for when and where.',
    audiences: parentsOnly,
    inPack: true,
    packReadme: 'the invitation to parents and carers',
    page: 'A4',
  },
  {
    id: 'training-record',
    suffix: 'training-record.pdf',
    kind: 'PDF',
    label: same('Training record'),
    detail: 'Attendance and training record for the DSL to keep.',
    audiences: staffOnly,
    inPack: true,
    packReadme: 'the attendance and training record for the DSL to keep',
    page: 'A4',
  },
  {
    id: 'slides-pptx',
    suffix: 'slides.pptx',
    kind: 'PowerPoint',
    label: same('Editable slides'),
    detail: 'With speaker notes.',
    audiences: everyone,
    inPack: true,
    packReadme: 'the slides as an editable PowerPoint with speaker notes',
    page: '16:9',
  },
  {
    id: 'handout-docx',
    suffix: 'handout.docx',
    kind: 'Word',
    label: {
      pupils: 'Pupil handout to edit',
      staff: 'Participant handout to edit',
      parents: 'Participant handout to edit',
    },
    detail: 'The handout as a Word document, to adapt and print.',
    audiences: everyone,
    inPack: true,
    packReadme: 'the handout as a Word document, to adapt (no teacher-only content)',
    page: 'A4',
  },
  {
    id: 'lesson-plan-docx',
    suffix: 'lesson-plan.docx',
    kind: 'Word',
    label: { pupils: 'Lesson plan to edit', staff: 'Facilitator plan to edit', parents: 'Facilitator plan to edit' },
    detail: 'The plan as a Word document, to adapt.',
    audiences: everyone,
    inPack: true,
    packReadme: 'the lesson plan as a Word document, to adapt',
    page: 'A4',
  },
  {
    id: 'pack',
    suffix: 'pack.zip',
    kind: 'Zip',
    label: same('Complete lesson pack'),
    detail: 'All of the above, the lesson file and the licences.',
    audiences: everyone,
    inPack: false,
  },
] as const satisfies readonly LessonOutput[];

type Entry = (typeof lessonOutputs)[number];

/** The key of every output; a renderer map typed `Record<OutputId…>` must cover them all. */
export type OutputId = Entry['id'];

/** The ids of the outputs of one kind: `OutputIdOfKind<'PDF'>` is every PDF's id. */
export type OutputIdOfKind<K extends OutputKind> = Extract<Entry, { kind: K }>['id'];

/** The outputs a lesson of this audience gets, in registry order. */
export function outputsFor(audience: Audience): readonly LessonOutput[] {
  return lessonOutputs.filter((output) => (output.audiences as readonly Audience[]).includes(audience));
}

/** The outputs of one kind a lesson of this audience gets, in registry order, typed by id. */
export function outputsOfKind<K extends OutputKind>(
  kind: K,
  audience: Audience,
): readonly (LessonOutput & { id: OutputIdOfKind<K> })[] {
  return outputsFor(audience).filter((output) => output.kind === kind) as (LessonOutput & {
    id: OutputIdOfKind<K>;
  })[];
}

/** `<lesson id>-<suffix>`: the output's file name, the same in `/downloads/<id>/` and in the pack. */
export const outputFileName = (lessonId: string, output: Pick<LessonOutput, 'suffix'>) =>
  `${lessonId}-${output.suffix}`;

/** The output a lesson's file is, by its exact name; undefined for any other file. */
export function outputOfFile(lessonId: string, fileName: string): LessonOutput | undefined {
  return lessonOutputs.find((output) => outputFileName(lessonId, output) === fileName);
}

/** A lesson's file of an output by id (`<id>-handout.pdf`), or undefined when its audience does not get it. */
export function lessonFileName(lesson: { id: string; audience: Audience }, id: OutputId): string | undefined {
  const output = outputsFor(lesson.audience).find((entry) => entry.id === id);
  return output ? outputFileName(lesson.id, output) : undefined;
}

/** A unit's approval sheet for the DSL, in `/downloads/units/` beside the unit pack and inside it. */
export const unitApprovalFileName = (unitId: string) => `${unitId}-approval.pdf`;

/** A lesson's pack (`<id>-pack.zip`), the same in `/downloads/<id>/` and in its unit's pack. */
export const lessonPackFileName = (lessonId: string) =>
  outputFileName(
    lessonId,
    lessonOutputs.find((output) => output.id === 'pack')!,
  );

/** A unit's pack, in `/downloads/units/`: its lessons' packs, its approval sheet, a README and the licences. */
export const unitPackFileName = (unitId: string) => `${unitId}-pack.zip`;
