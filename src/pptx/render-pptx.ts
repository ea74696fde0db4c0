import PptxGenJS from 'pptxgenjs';
import type { RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from '../lesson/types.ts';
import type { Slide, SlideDeck } from '../slides/index.ts';
import { blockParas, directiveLabels, flattenParas } from './block-handlers.ts';
import { inlineRuns } from './inline-handlers.ts';
import { BOX_PADDING, MIN_TABLE_SIZE, SEGMENT_GAP, fittingSize, segmentHeight, segments } from './layout-body.ts';
import type { Segment } from './layout-body.ts';
import { imageBox, imageData, slideImage } from './images.ts';
import { normalisePptx } from './normalise.ts';
import { sourceDate } from '../source-date.ts';
import { notesText } from './notes-text.ts';
import { layout, themeFor } from './theme.ts';
import type { PptxOptions, Run, State } from './types.ts';

const LANG = 'en-GB';

/**
 * The editable PowerPoint of a deck: 16:9, real text boxes and tables (not
 * pictures of slides), presenter notes on every slide, the school's accent
 * colour on the title band. The same deck always gives the same bytes.
 */
export async function renderPptx(deck: SlideDeck, options: PptxOptions): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.subject = 'Trainer slides';
  pptx.author = 'PSHE Kit';
  pptx.company = options.library.school?.name ?? 'PSHE Kit';
  const state: State = {
    library: options.library,
    theme: themeFor(options.accentColour ?? options.library.school?.accentColour),
    fontSize: 24,
    report: reporter(options),
    lesson: options.lesson,
    images: new Map(),
  };
  for (const slide of deck.slides) addSlide(pptx, state, deck, slide);
  // Stored, not deflated: normalisePptx re-zips every entry anyway, so compressing here is wasted work.
  const written = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return normalisePptx(written, sourceDate());
}

function reporter(options: PptxOptions): State['report'] {
  return (node, reason) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    const diagnostic: Diagnostic = {
      file: options.file ?? '',
      line: start.line,
      column: start.column,
      severity: 'warning',
      ruleId: 'render-adjusted',
      source: 'render',
      message: `PowerPoint: ${reason}`,
    };
    options.report?.(diagnostic);
  };
}

/** Every run in British English, so a teacher's spelling check works when they edit. */
const inLang = (runs: Run[]): Run[] => runs.map((run) => ({ ...run, options: { ...run.options, lang: LANG } }));

function addSlide(pptx: PptxGenJS, state: State, deck: SlideDeck, slide: Slide) {
  const page = pptx.addSlide();
  const { theme } = state;
  const isTitle = slide.kind === 'title';
  // A section slide is its title alone: the accent band fills the slide, the title large and centred.
  const isSection = slide.kind === 'section';
  const bandHeight = isSection ? layout.height : isTitle ? 2.6 : layout.titleBand;
  page.addText(inLang([{ text: slide.title, options: {} }]), {
    x: 0,
    y: 0,
    w: layout.width,
    h: bandHeight,
    fill: { color: theme.accent },
    color: 'FFFFFF',
    bold: true,
    fontFace: theme.font,
    fontSize: isTitle || isSection ? 40 : slide.title.length > 55 ? 26 : 32,
    ...(isSection ? { align: 'center' as const } : {}),
    // pptxgenjs 4.0.1 reads a margin array as [left, right, bottom, top] (points), whatever its docs say.
    margin: [43, 43, 0, 0],
    valign: 'middle',
    objectName: 'Title',
  });
  const top = isTitle ? bandHeight + 0.4 : layout.bodyTop;
  placeBody(page, state, slide.body, top, layout.bodyBottom);
  if (!isTitle) addFooter(page, state, deck, slide);
  const notes = notesText(slide.notes, state.library);
  // Every slide has notes, so the presenter view never shows an empty pane.
  page.addNotes(notes || slide.title);
}

/** The body, top to bottom: text boxes, boxed scenarios and discussions, and real tables. */
function placeBody(page: PptxGenJS.Slide, state: State, body: RootContent[], top: number, bottom: number) {
  const parts = segments(body);
  if (!parts.length) return;
  const size = fittingSize(state, parts, bottom - top);
  const sized: State = { ...state, fontSize: size };
  let y = top;
  for (const part of parts) {
    const height = Math.min(segmentHeight(sized, part, size), bottom - y);
    placeSegment(page, sized, part, y, height);
    y += height + SEGMENT_GAP;
  }
}

function placeSegment(page: PptxGenJS.Slide, state: State, part: Segment, y: number, h: number) {
  const { theme, fontSize } = state;
  const x = layout.margin;
  const w = layout.width - 2 * layout.margin;
  const base = { x, y, w, h, fontFace: theme.font, fontSize, color: theme.text, valign: 'top' as const, lang: LANG };
  if (part.kind === 'text') {
    const runs = flattenParas(blockParas(state, part.nodes, { indentLevel: 0, marks: {} }));
    if (runs.length) page.addText(inLang(runs), { ...base, margin: 0, paraSpaceAfter: 6, objectName: 'Body' });
    return;
  }
  if (part.kind === 'box') {
    const warning = part.node.name === 'warning';
    // On a scenario or discussion slide the title already names the box; a content note says what it is.
    const label = warning
      ? [{ text: directiveLabels.warning(part.node), options: { bold: true, breakLine: true } }]
      : [];
    const runs = [
      ...label,
      ...flattenParas(blockParas(state, part.node.children as RootContent[], { indentLevel: 0, marks: {} })),
    ];
    page.addText(inLang(runs), {
      ...base,
      fill: { color: warning ? theme.warningFill : theme.tint },
      line: { color: warning ? theme.warningBorder : theme.accent, width: 2 },
      margin: Math.round(BOX_PADDING * 72),
      paraSpaceAfter: 6,
      objectName: warning ? 'Content note' : part.node.name === 'scenario' ? 'Scenario' : 'Discussion',
    });
    return;
  }
  if (part.kind === 'image') {
    const alt = part.node.alt?.trim() ?? '';
    const { image, problem } = slideImage(state, part.node);
    if (!image) {
      state.report(part.node, `${problem}; its description is shown instead`);
      page.addText(inLang([{ text: `[Image: ${alt || 'no description'}]`, options: { italic: true } }]), {
        ...base,
        margin: 0,
        objectName: 'Image description',
      });
      return;
    }
    // Within the height the body left it, keeping its shape, centred.
    const box = imageBox(image, h);
    page.addImage({
      data: imageData(image),
      x: x + (w - box.w) / 2,
      y,
      w: box.w,
      h: box.h,
      altText: alt || 'Image',
    });
    return;
  }
  page.addTable(tableRows(state, part.node), {
    x,
    y,
    w,
    fontFace: theme.font,
    fontSize: Math.max(MIN_TABLE_SIZE, fontSize - 4),
    color: theme.text,
    border: { type: 'solid', pt: 1, color: '9CA3AF' },
    margin: 0.08,
    valign: 'top',
    objectName: 'Table',
  });
}

/** A GFM table as a real PowerPoint table: header row bold on the accent tint, cells as text runs. */
function tableRows(state: State, table: Table): PptxGenJS.TableRow[] {
  const columns = Math.max(...table.children.map((row) => row.children.length));
  return table.children.map((row, rowIndex) => {
    const header = rowIndex === 0;
    const cells = row.children.map((cell, column): PptxGenJS.TableCell => {
      const runs = inLang(inlineRuns(state, cell.children, header ? { bold: true } : {}));
      const align = table.align?.[column] ?? undefined;
      return {
        text: runs.length ? runs : toString(cell) || ' ',
        options: { ...(header ? { fill: { color: state.theme.tint } } : {}), ...(align ? { align } : {}) },
      };
    });
    // A short row is padded, so PowerPoint never meets a ragged table.
    while (cells.length < columns) cells.push({ text: ' ' });
    return cells;
  });
}

function addFooter(page: PptxGenJS.Slide, state: State, deck: SlideDeck, slide: Slide) {
  const { theme } = state;
  const common = {
    y: layout.footerTop,
    h: layout.footerHeight,
    fontFace: theme.font,
    fontSize: 12,
    color: theme.muted,
  };
  const label = slide.section && slide.section !== slide.title ? `${deck.title} · ${slide.section}` : deck.title;
  page.addText(label, { ...common, x: layout.margin, w: 10, margin: 0, lang: LANG, objectName: 'Footer' });
  // A slide-number field, not fixed text: it stays right when a teacher adds or moves slides.
  page.slideNumber = { ...common, x: layout.width - layout.margin - 1.5, w: 1.5, align: 'right' };
}
