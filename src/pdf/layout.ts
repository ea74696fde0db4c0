import type { Frame, PdfContext, StructElement } from './types.ts';

/** Space left on the current page below the cursor. */
export function spaceLeft(ctx: PdfContext): number {
  return ctx.doc.page.maxY() - ctx.doc.y;
}

/** True when the cursor is at the top of a page's text area. */
export function atPageTop(ctx: PdfContext): boolean {
  return ctx.doc.y <= ctx.doc.page.margins.top + 0.5;
}

/**
 * Start a new page unless `height` fits below the cursor. A block taller than
 * a whole page is not moved (it would not fit anywhere); it flows on instead.
 */
export function ensureSpace(ctx: PdfContext, height: number): void {
  if (height > spaceLeft(ctx) && !atPageTop(ctx)) newPage(ctx);
}

/** Continue on a new page, keeping any open marked content (pdfkit re-opens it). */
export function newPage(ctx: PdfContext): void {
  ctx.doc.continueOnNewPage();
  ctx.doc.x = ctx.frame.x;
}

/** Move down by `amount`, unless that would only push the next block over the page edge. */
export function gap(ctx: PdfContext, amount = ctx.theme.blockGap): void {
  if (atPageTop(ctx)) return;
  ctx.doc.y = Math.min(ctx.doc.y + amount, ctx.doc.page.maxY());
}

/** A context for content inside a box or list item: narrower frame, new structure parent. */
export function inside(ctx: PdfContext, parent: StructElement, frame: Frame = ctx.frame): PdfContext {
  return { ...ctx, parent, frame };
}

/** A new structure element, attached at once (pdfkit hangs at `end()` on an unattached one). */
export function struct(ctx: PdfContext, type: string, options: { alt?: string; title?: string } = {}): StructElement {
  const element = ctx.doc.struct(type, options);
  ctx.parent.add(element);
  return element;
}

/** Run `draw` as an Artifact (header, footer, rule, background): seen on paper, skipped by screen readers. */
export function artifact(ctx: PdfContext, type: 'Pagination' | 'Layout' | 'Page', draw: () => void): void {
  const doc = ctx.doc;
  doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions);
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}
