import { fillInRow } from '../answer-lines.ts';
import { footerRuns } from '../help.ts';
import { gap } from '../layout.ts';
import { bullets, section, titleBlock } from '../sections.ts';
import { table } from '../tables.ts';
import { standardTheme } from '../theme.ts';
import { paragraph } from '../text.ts';
import type { RenderRun } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';

/** Rows to sign: enough for a whole-staff meeting; a longer list continues with the header repeated. */
export const TRAINING_RECORD_ROWS = 25;

/**
 * The attendance and training record a DSL keeps for a staff session: the
 * session, lines for the date and trainer, what was covered (the key learning
 * points), a numbered table of Name, Role and Signature, a line for when the
 * next refresher is due, and the reminder that KCSIE expects regular updates.
 */
export async function renderTrainingRecord(run: RenderRun): Promise<Uint8Array> {
  const { lesson, library } = run;
  const school = library.school;
  const theme = standardTheme(school?.accentColour);
  const { ctx, furniture } = startDocument(run, {
    theme,
    reader: 'staff',
    title: `${lesson.title}: training record`,
    subject: `Attendance and training record for the staff session ${lesson.title}`,
    footer: footerRuns(run, 'staff'),
  });
  titleBlock(ctx, school ? `Training record · ${school.name}` : 'Safeguarding training record', lesson.title, [
    `${lesson.durationInMinutes} minutes`,
  ]);
  fillInRow(ctx, [
    { label: 'Date', share: 1 },
    { label: 'Trainer', share: 1.8 },
  ]);
  section(ctx, 'What was covered');
  bullets(ctx, lesson.keyLearningPoints);
  section(ctx, 'Attendance');
  paragraph(ctx, 'By signing, each person confirms they attended this session.', {
    colour: theme.colours.muted,
  });
  gap(ctx, theme.blockGap * 0.5);
  table(ctx, {
    header: ['No.', 'Name', 'Role', 'Signature'],
    rows: Array.from({ length: TRAINING_RECORD_ROWS }, (_, index) => [String(index + 1), '', '', '']),
    weights: [0.45, 2.4, 1.6, 2],
  });
  gap(ctx, theme.blockGap * 1.5);
  fillInRow(ctx, [{ label: 'Next refresher due', share: 1 }]);
  fillInRow(ctx, [
    { label: 'Record kept by', share: 1.8 },
    { label: 'Date', share: 1 },
  ]);
  gap(ctx);
  paragraph(
    ctx,
    'Keeping children safe in education (KCSIE) expects all staff to have safeguarding and child protection training, including online safety, at induction, regularly updated, and safeguarding updates as required and at least annually. Keep this record with the school’s training records.',
  );
  return finishDocument(ctx, furniture);
}
