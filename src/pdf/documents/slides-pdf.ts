import { buildSlideDeck } from '../../slides/index.ts';
import { beginBackdrop, endBackdrop } from '../backdrop.ts';
import { handlers } from '../handlers/index.ts';
import { footerRuns } from '../help.ts';
import { artifact, ensureSpace, gap, inside, newPage, struct } from '../layout.ts';
import { renderBlocks } from '../render-markdown.ts';
import { slideTheme, standardTheme } from '../theme.ts';
import { paragraph } from '../text.ts';
import type { PdfContext, RenderRun } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';
import { slideContent } from './slide-content.ts';

/** A 16:9 page the size of the slide that src/slides budgets text for (13.33 × 7.5 in). */
const SLIDE: [number, number] = [960, 540];

/** The slides, one 16:9 slide a page, from the shared slide model (`buildSlideDeck`). */
export async function renderSlidesPdf(run: RenderRun): Promise<Uint8Array> {
  const { lesson, library } = run;
  const deck = buildSlideDeck(lesson, library);
  const accent = library.school?.accentColour;
  const theme = slideTheme(accent);
  const { ctx, furniture } = startDocument(run, {
    theme,
    reader: 'participant',
    title: `${lesson.title}: slides`,
    subject: `Slides for ${lesson.title}`,
    size: SLIDE,
    margins: { top: 54, bottom: 36, left: 60, right: 60 },
    headerRule: false,
  });
  const { doc } = ctx;
  deck.slides.forEach((slide, index) => {
    if (index > 0) newPage(ctx);
    // A band of the accent colour along the top edge of each slide.
    artifact(ctx, 'Layout', () => doc.rect(0, 0, SLIDE[0], 10).fill(theme.colours.accent));
    slideContent(ctx, slide, index, deck.title, {
      theme: (scale) => slideTheme(accent, scale),
      bottom: doc.page.maxY(),
      lower: slide.kind === 'title',
    });
  });
  return finishDocument(ctx, furniture);
}

/**
 * The trainer's copy on A4: each slide drawn small in a 16:9 frame, with its
 * presenter notes (`:::teacher` content included) below it.
 */
export async function renderSlidesWithNotes(run: RenderRun): Promise<Uint8Array> {
  const { lesson, library } = run;
  const deck = buildSlideDeck(lesson, library);
  const theme = standardTheme(library.school?.accentColour);
  const { ctx, furniture } = startDocument(run, {
    theme,
    reader: 'staff',
    title: `${lesson.title}: slides with notes`,
    subject: `Slides and presenter notes for ${lesson.title}`,
    footer: footerRuns(run, 'staff'),
  });
  const { doc, frame } = ctx;
  const scale = frame.width / SLIDE[0];
  const frameHeight = frame.width * (SLIDE[1] / SLIDE[0]);
  const pad = 28 * scale;
  deck.slides.forEach((slide, index) => {
    if (index > 0) gap(ctx, theme.blockGap * 3);
    ensureSpace(ctx, frameHeight + 60);
    const top = doc.y;
    const mark = beginBackdrop(ctx);
    const slideCtx: PdfContext = {
      ...ctx,
      reader: 'participant',
      handlers: handlers.participant,
      frame: { x: frame.x + pad, width: frame.width - pad * 2 },
    };
    doc.y = top + pad;
    slideContent(slideCtx, slide, index, deck.title, {
      theme: (fit) => slideTheme(library.school?.accentColour, scale * 1.1 * fit),
      bottom: top + frameHeight - pad * 0.5,
    });
    doc.y = Math.max(doc.y + pad * 0.5, top + frameHeight);
    endBackdrop(ctx, mark, (segment) => {
      doc.rect(frame.x, segment.top, frame.width, segment.bottom - segment.top).fill('#ffffff');
      doc
        .rect(frame.x, segment.top, frame.width, segment.bottom - segment.top)
        .lineWidth(0.75)
        .stroke(theme.colours.rule);
      if (segment.first) doc.rect(frame.x, segment.top, frame.width, 5).fill(theme.colours.accent);
    });
    doc.y += theme.blockGap;
    const notes = struct(ctx, 'Div');
    const notesCtx = inside(ctx, notes);
    paragraph(notesCtx, 'Presenter notes', { face: 'bold', colour: theme.colours.accent });
    doc.y += theme.blockGap * 0.4;
    if (slide.notes.length) renderBlocks(notesCtx, slide.notes);
    else paragraph(notesCtx, 'No notes for this slide.', { colour: theme.colours.muted });
    notes.end();
  });
  return finishDocument(ctx, furniture);
}
