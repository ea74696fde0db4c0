import { guideFieldLengths, lessonGuide, shortenGuide } from '../../lesson/lesson-guide.ts';
import type { GuideField, LessonGuide } from '../../lesson/lesson-guide.ts';
import { lessonFileName } from '../../outputs.ts';
import { reportLesson } from '../diagnostics.ts';
import { footerRuns } from '../help.ts';
import { list } from '../lists.ts';
import { contentGuidanceBox, labelled, bullets, section, titleBlock } from '../sections.ts';
import { disclosureTemplate } from '../templates.ts';
import { compactTheme } from '../theme.ts';
import { paragraph, plain } from '../text.ts';
import type { PdfContext, RenderRun } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';

/** Body sizes tried, largest first, until the guide fits on one page (issue 13: 10.5 pt down to 8.5 pt). */
export const GUIDE_SIZES = [10.5, 10, 9.5, 9, 8.5];

/** Shares of a too-long field's length kept, tried in turn at the smallest size. */
const SHARES = [0.75, 0.5, 0.3, 0.15, 0.05];

export interface LessonGuideOptions {
  /** Pages of the handout rendered in the same run: the guide says how many sheets to print. */
  handoutPages?: number;
}

/**
 * Lay the guide out at one body size. Only a layout that fits is finished
 * (fonts subset, bytes written): the sizes that do not fit are thrown away.
 */
async function renderAt(run: RenderRun, guide: LessonGuide, body: number): Promise<Uint8Array | undefined> {
  const { lesson, library } = run;
  const theme = compactTheme(library.school?.accentColour, body);
  const { ctx, furniture } = startDocument(run, {
    theme,
    reader: 'staff',
    title: `${lesson.title}: the lesson on one page`,
    subject: `${guide.heading}: what to know five minutes before teaching ${lesson.title}`,
    footer: footerRuns(run, 'staff'),
  });
  titleBlock(
    ctx,
    library.school ? `${guide.heading} · ${library.school.name}` : guide.heading,
    lesson.title,
    guide.facts,
  );
  labelled(ctx, 'Learning outcome:', guide.outcome);
  contentGuidanceBox(ctx, lesson, { compact: true });

  section(ctx, guide.beforeHeading);
  list(
    ctx,
    guide.before.map(
      (task) => (inner: PdfContext) => paragraph(inner, [plain(`${task.label} `, 'bold'), plain(task.text)]),
    ),
    { tight: true },
  );

  section(ctx, 'Timing');
  // A list labelled by the minutes ("0–5"), tighter than the plan's table so the page keeps its room.
  list(
    ctx,
    guide.timing.rows.map(
      (row) => (inner: PdfContext) =>
        paragraph(inner, [plain(row.name), plain(`  ${row.minutes} min`, 'bold', inner.theme.colours.accent)]),
    ),
    { labels: guide.timing.rows.map((row) => row.when), tight: true },
  );
  paragraph(ctx, `Total: ${guide.timing.total} minutes.`, { colour: theme.colours.muted });

  section(ctx, 'Key learning points');
  bullets(ctx, guide.keyLearningPoints);

  section(ctx, guide.disclosure.title);
  list(
    ctx,
    guide.disclosure.steps.map((step) => (inner: PdfContext) => paragraph(inner, step)),
    { ordered: true, tight: true },
  );
  ctx.doc.y += theme.blockGap * 0.4;
  labelled(ctx, 'Who to call:', guide.disclosure.call);

  return ctx.doc.bufferedPageRange().count === 1 ? finishDocument(ctx, furniture) : undefined;
}

/** The field to cut first: the longest of those that can grow, and not yet cut to nothing. */
function longestField(guide: LessonGuide, skip: ReadonlySet<GuideField>): GuideField | undefined {
  const lengths = Object.entries(guideFieldLengths(guide)) as [GuideField, number][];
  return lengths.filter(([field, length]) => !skip.has(field) && length > 0).sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * "The lesson on one page": what a form tutor needs five minutes before the
 * lesson (src/lesson/lesson-guide.ts holds the content; the lesson's web page
 * shows the same). Always exactly one A4 page: the body shrinks from 10.5 pt
 * to 8.5 pt; past that, the longest field is cut, ending "… (see the lesson
 * plan)", with a `render-adjusted` warning that names it.
 */
export async function renderLessonGuide(run: RenderRun, options: LessonGuideOptions = {}): Promise<Uint8Array> {
  const start = run.diagnostics.length;
  const full = lessonGuide(run.lesson, run.library, {
    disclosure: disclosureTemplate(),
    fileName: (id) => lessonFileName(run.lesson, id),
    ...(options.handoutPages === undefined ? {} : { handoutPages: options.handoutPages }),
  });
  for (const size of GUIDE_SIZES) {
    run.diagnostics.length = start;
    const bytes = await renderAt(run, full, size);
    if (bytes) return bytes;
  }
  const smallest = GUIDE_SIZES[GUIDE_SIZES.length - 1];
  const cutFields: GuideField[] = [];
  let guide = full;
  let field = longestField(guide, new Set());
  while (field) {
    cutFields.push(field);
    for (const share of SHARES) {
      run.diagnostics.length = start;
      const shorter = shortenGuide(guide, field, share);
      const bytes = await renderAt(run, shorter, smallest);
      if (bytes) {
        const names = cutFields.map((name) => `\`${name}\``).join(' and ');
        reportLesson(
          run,
          `The lesson on one page does not fit on one page even at ${smallest} pt, so ${names} ${cutFields.length > 1 ? 'were' : 'was'} cut short there ("… (see the lesson plan)"); shorten ${names}`,
        );
        return bytes;
      }
      guide = shorter;
    }
    field = longestField(guide, new Set(cutFields));
  }
  throw new Error('the lesson on one page does not fit on one page even with every long field cut short');
}

/** The number of pages of a PDF pdfkit wrote (each page object is `/Type /Page`); undefined without bytes. */
export function pdfPageCount(bytes: Uint8Array | undefined): number | undefined {
  if (!bytes) return undefined;
  // TextDecoder, not Buffer: the renderers also run in the browser (design.md).
  const text = new TextDecoder('latin1').decode(bytes);
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length;
}
