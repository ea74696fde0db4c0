import { overdueWords, unitApproval, versionNote } from '../../lesson/unit-approval.ts';
import type { ApprovalLesson } from '../../lesson/unit-approval.ts';
import type { Lesson, Library, Unit } from '../../lesson/types.ts';
import { fillInRow } from '../answer-lines.ts';
import { newRun } from '../context.ts';
import { footerRuns } from '../help.ts';
import { gap } from '../layout.ts';
import { labelled, section, subsection, titleBlock } from '../sections.ts';
import { table } from '../tables.ts';
import { compactTheme } from '../theme.ts';
import { paragraph, plain } from '../text.ts';
import type { PdfContext } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';

/** A stand-in lesson for a unit with none: the page set-up reads a lesson only for its folder and help. */
function placeholder(unit: Unit): Lesson {
  return { id: unit.id, file: unit.file, unit: unit.id, audience: 'staff', signposts: [] } as unknown as Lesson;
}

function lessonBlock(ctx: PdfContext, lesson: ApprovalLesson, index: number): void {
  subsection(ctx, `${index + 1}. ${lesson.title}`);
  table(ctx, {
    rows: [
      ['Audience', `${lesson.audienceWords}, ${lesson.durationInMinutes} minutes`],
      ['Supervision', lesson.supervisionWords],
      ['Content guidance', lesson.contentGuidance.length ? `${lesson.contentGuidance.join('; ')}.` : 'None flagged.'],
      [
        'Sex education',
        lesson.sexEducation
          ? 'Yes: parents in England may ask to withdraw their child; the parent letter says so.'
          : 'No',
      ],
      [
        'Review date',
        lesson.reviewWords
          ? `${lesson.reviewWords}${lesson.reviewPassed ? ' (passed: review before teaching)' : ''}`
          : 'None set',
      ],
    ],
    weights: [1, 3.4],
  });
  gap(ctx, ctx.theme.blockGap * 0.6);
  if (lesson.services.length) {
    table(ctx, {
      header: ['Help service named', 'Details checked on'],
      rows: lesson.services.map((service) => [
        service.name,
        service.overdue ? `${service.verifiedWords} (${overdueWords})` : service.verifiedWords,
      ]),
      weights: [1.6, 1.8],
    });
  } else paragraph(ctx, 'Names no help services.', { colour: ctx.theme.colours.muted });
  if (lesson.unknownServices.length)
    paragraph(ctx, `Not in signposts.yaml (run \`pshe check\`): ${lesson.unknownServices.join(', ')}.`);
}

/**
 * The sheet a Designated Safeguarding Lead signs to approve a unit: each
 * lesson's audience, supervision, content guidance, sex-education flag, review
 * date and help services (with when each was checked, overdue ones marked),
 * then lines for who approved it and when, and the version of the lesson
 * files approved. A pure function of its arguments: `today` (ISO) is the day
 * the overdue checks compare with.
 */
export async function renderUnitApproval(
  unit: Unit,
  lessons: readonly Lesson[],
  library: Library,
  today: string,
): Promise<Uint8Array> {
  const model = unitApproval(unit, lessons, library, today);
  const run = newRun(lessons[0] ?? placeholder(unit), library);
  const theme = compactTheme(library.school?.accentColour, 9.5);
  const { ctx, furniture } = startDocument(run, {
    theme,
    reader: 'staff',
    title: `${unit.title}: approval by the DSL`,
    subject: `The Designated Safeguarding Lead's approval of the unit ${unit.title}`,
    footer: footerRuns(run, 'staff'),
  });
  titleBlock(
    ctx,
    library.school ? `Unit approval · ${library.school.name}` : 'Unit approval for the Designated Safeguarding Lead',
    unit.title,
    [`${model.lessons.length} ${model.lessons.length === 1 ? 'lesson' : 'lessons'}`, `Made on ${model.todayWords}`],
  );
  paragraph(
    ctx,
    'Read each lesson’s DSL notes and content guidance before approving. Help services marked overdue were last checked over 12 months before this sheet was made: check their contact details before the lesson is taught.',
  );
  gap(ctx);
  labelled(ctx, 'Version of the lessons:', [plain(model.version, 'bold'), plain(`. ${versionNote}`)]);
  if (model.overdueServices)
    labelled(
      ctx,
      'Overdue:',
      `${model.overdueServices} help ${model.overdueServices === 1 ? 'service is' : 'services are'} overdue a check.`,
    );
  model.lessons.forEach((lesson, index) => lessonBlock(ctx, lesson, index));
  if (!model.lessons.length) paragraph(ctx, 'This unit has no lessons yet.');
  section(ctx, 'Approval');
  paragraph(
    ctx,
    `I have read the lessons above, version ${model.version}, and approve them for teaching in this school.`,
  );
  gap(ctx, theme.blockGap * 1.5);
  fillInRow(ctx, [
    { label: 'Approved by', share: 3 },
    { label: 'Date', share: 1.6 },
  ]);
  fillInRow(ctx, [{ label: 'Role', share: 1 }]);
  gap(ctx, theme.blockGap * 0.5);
  labelled(ctx, 'Library version approved:', model.version);
  return finishDocument(ctx, furniture);
}
