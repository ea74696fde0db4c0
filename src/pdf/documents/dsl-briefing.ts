import { fillInRow } from '../answer-lines.ts';
import { reportLesson } from '../diagnostics.ts';
import { footerServiceId } from '../../lesson/help.ts';
import { footerRuns } from '../help.ts';
import { list } from '../lists.ts';
import { gap, spaceLeft } from '../layout.ts';
import { renderBlocks, renderField } from '../render-markdown.ts';
import { keyStageWords } from '../../lesson/lesson-words.ts';
import { contentGuidanceBox, section, titleBlock } from '../sections.ts';
import { dslWords, findService, serviceLine } from '../signposts.ts';
import { disclosureTemplate, fillTemplate } from '../templates.ts';
import { compactTheme } from '../theme.ts';
import { measureText, paragraph } from '../text.ts';
import type { PdfContext, RenderRun } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';

/** Body sizes tried, largest first, until the briefing fits on one page. */
const SIZES = [10, 9.5, 9, 8.5, 8, 7.5];

function contactLines(ctx: PdfContext): string[] {
  const { run } = ctx;
  const school = run.library.school;
  const items: string[] = [];
  if (school) {
    items.push(
      `DSL: ${school.dslName ?? 'the Designated Safeguarding Lead'} (${school.dslContact.replace(/\.$/, '')})`,
    );
    if (school.deputyDsl) items.push(`Deputy DSL: ${school.deputyDsl}`);
    for (const service of school.localServices ?? []) items.push(serviceLine(service));
  } else items.push(`DSL: ${dslWords(run.library)}`);
  // The adults' footer service first, then the lesson's (local services are listed above).
  for (const id of new Set([footerServiceId('staff'), ...(run.lesson.signposts ?? [])])) {
    const service = findService(run.library, id);
    if (service && !service.local) items.push(serviceLine(service));
  }
  return items;
}

const contactList = (ctx: PdfContext, items: string[]) =>
  list(
    ctx,
    items.map((item) => (inner: PdfContext) => paragraph(inner, item)),
    { tight: true },
  );

/** Contacts in two columns side by side when both fit below the cursor, else in one. */
function contacts(ctx: PdfContext): void {
  const { doc, theme, frame } = ctx;
  const items = contactLines(ctx);
  const half = Math.ceil(items.length / 2);
  const columnGap = theme.indent;
  const width = (frame.width - columnGap) / 2;
  const height = (column: string[]) =>
    column.reduce(
      (sum, item) =>
        sum + measureText(ctx, item, theme.size.body, 'regular', width - theme.indent) + theme.blockGap * 0.3,
      0,
    );
  const tallest = Math.max(height(items.slice(0, half)), height(items.slice(half)));
  if (items.length < 4 || tallest > spaceLeft(ctx)) return contactList(ctx, items);
  const top = doc.y;
  contactList({ ...ctx, frame: { x: frame.x, width } }, items.slice(0, half));
  const leftBottom = doc.y;
  doc.y = top;
  contactList({ ...ctx, frame: { x: frame.x + width + columnGap, width } }, items.slice(half));
  doc.y = Math.max(leftBottom, doc.y);
  doc.x = frame.x;
}

async function renderAt(run: RenderRun, body: number): Promise<{ bytes: Uint8Array; pages: number }> {
  const { lesson, library } = run;
  const theme = compactTheme(library.school?.accentColour, body);
  const { ctx, furniture } = startDocument(run, {
    theme,
    reader: 'staff',
    title: `${lesson.title}: DSL briefing`,
    subject: `Briefing for the Designated Safeguarding Lead on ${lesson.title}`,
    footer: footerRuns(run, 'staff'),
  });
  const steps = disclosureTemplate();
  titleBlock(ctx, library.school ? `DSL briefing · ${library.school.name}` : 'DSL briefing', lesson.title, [
    ...keyStageWords(lesson),
    `${lesson.durationInMinutes} minutes`,
  ]);
  contentGuidanceBox(ctx, lesson, { compact: true });
  section(ctx, 'Who may be affected, and what to prepare');
  renderField(ctx, lesson.dslNotes, 'dslNotes');
  section(ctx, steps.dslTitle);
  list(
    ctx,
    steps.steps.map((step) => (inner: PdfContext) => renderBlocks(inner, fillTemplate(step, {}))),
    { ordered: true, tight: true },
  );
  section(ctx, 'Contacts');
  contacts(ctx);
  gap(ctx, theme.blockGap * 1.5);
  fillInRow(ctx, [
    { label: `${steps.approval} by`, share: 3 },
    { label: 'Date', share: 1.6 },
  ]);
  const pages = ctx.doc.bufferedPageRange().count;
  return { bytes: await finishDocument(ctx, furniture), pages };
}

/**
 * One page for the DSL before a pupil lesson is taught: content guidance and
 * supervision, who may be affected (the lesson's DSL notes), the disclosure
 * steps from templates/disclosure-steps.yaml, contacts, and lines to sign.
 * Text shrinks (down to 7.5 pt) until it fits on one page.
 */
export async function renderDslBriefing(run: RenderRun): Promise<Uint8Array> {
  const start = run.diagnostics.length;
  let result: { bytes: Uint8Array; pages: number } | undefined;
  for (const size of SIZES) {
    run.diagnostics.length = start;
    result = await renderAt(run, size);
    if (result.pages === 1) return result.bytes;
  }
  reportLesson(
    run,
    `The DSL briefing does not fit on one page even at ${SIZES[SIZES.length - 1]} pt, so it runs on to a second page; shorten \`dslNotes\``,
  );
  return result!.bytes;
}
