import { artifact } from './layout.ts';
import { contentMark, drawBehind } from './pdfkit-internals/index.ts';
import type { PdfContext } from './types.ts';

/** Where a box began: its page, its place in that page's content stream, and its top. */
export interface BackdropMark {
  page: number;
  chunk: number;
  y: number;
}

/** One page's part of a box. */
export interface BackdropSegment {
  top: number;
  bottom: number;
  /** The box starts on this page. */
  first: boolean;
  /** The box ends on this page. */
  last: boolean;
}

const currentPage = (ctx: PdfContext) => {
  const range = ctx.doc.bufferedPageRange();
  return range.start + range.count - 1;
};

/** Remember where a box starts. Call between blocks (never inside marked content). */
export function beginBackdrop(ctx: PdfContext): BackdropMark {
  return { page: currentPage(ctx), chunk: contentMark(ctx.doc), y: ctx.doc.y };
}

/**
 * Draw a box's background and rules behind content that has already been laid
 * out, on every page it reached. Content of any length can go in a box
 * without measuring it twice: the drawing (an Artifact) is written at the end
 * of each page's content stream, then moved to where the box began, so that
 * it is painted first and the text lies on top (pdfkit-internals/page-content.ts).
 */
export function endBackdrop(ctx: PdfContext, mark: BackdropMark, draw: (segment: BackdropSegment) => void): void {
  const { doc } = ctx;
  const lastPage = currentPage(ctx);
  const endY = doc.y;
  const { x, y } = doc;
  for (let page = mark.page; page <= lastPage; page++) {
    if (mark.page !== lastPage) doc.switchToPage(page);
    const first = page === mark.page;
    const last = page === lastPage;
    const insertAt = first ? mark.chunk : (ctx.run.pageBodyStart.get(doc.page) ?? 0);
    const top = first ? mark.y : doc.page.margins.top - ctx.theme.boxPadding / 2;
    const bottom = last ? endY : doc.page.maxY() + ctx.theme.boxPadding / 2;
    if (bottom - top > 0.5) {
      drawBehind(doc, insertAt, () => artifact(ctx, 'Layout', () => draw({ top, bottom, first, last })));
    }
  }
  doc.x = x;
  doc.y = y;
}
