import { useFace } from './fonts.ts';
import { artifact, ensureSpace, newPage } from './layout.ts';
import { frameRule } from './page-furniture.ts';
import type { PdfContext } from './types.ts';

/** The most lines `::lines{count}` may ask for (the directive allows 1–99). */
const MAX_LINES = 99;

/**
 * Ruled lines to write on (`::lines{count=4}`). Lines are page furniture
 * (Artifacts): a screen reader skips them. A short set is kept on one page; a
 * long one continues on the next.
 */
export function answerLines(ctx: PdfContext, count: number): void {
  const { doc, theme, frame } = ctx;
  const lines = Math.max(1, Math.min(MAX_LINES, Math.round(count) || 1));
  const spacing = theme.answerLineSpacing;
  ensureSpace(ctx, Math.min(lines, 6) * spacing);
  for (let i = 0; i < lines; i++) {
    if (doc.y + spacing > doc.page.maxY()) newPage(ctx);
    const y = doc.y + spacing;
    frameRule(ctx, y);
    doc.y = y;
  }
  doc.y += spacing * 0.3;
  doc.x = frame.x;
}

/**
 * Labels with a line to write on after each, side by side on one row
 * ("Approved by ______  Date ______"). Each field takes its share of the frame.
 */
export function fillInRow(ctx: PdfContext, fields: { label: string; share: number }[]): void {
  const { doc, theme, frame } = ctx;
  const size = theme.size.body;
  useFace(doc, 'bold', size);
  const line = doc.currentLineHeight(true);
  ensureSpace(ctx, line * 2.2);
  const y = doc.y + line * 0.8;
  const total = fields.reduce((sum, field) => sum + field.share, 0);
  let x = frame.x;
  const element = ctx.doc.struct('P');
  ctx.parent.add(element);
  fields.forEach((field, index) => {
    const width = (field.share / total) * frame.width;
    const labelWidth = doc.widthOfString(field.label);
    element.add(() => {
      useFace(doc, 'bold', size).fillColor(theme.colours.text);
      doc.text(index < fields.length - 1 ? `${field.label} ` : field.label, x, y, { lineBreak: false });
    });
    const from = x + labelWidth + size * 0.5;
    const to = x + width - (index < fields.length - 1 ? size * 1.5 : 0);
    const baseline = y + line * 0.85;
    artifact(ctx, 'Layout', () =>
      doc.lineWidth(0.75).strokeColor(theme.colours.text).moveTo(from, baseline).lineTo(to, baseline).stroke(),
    );
    x += width;
  });
  element.end();
  doc.x = frame.x;
  doc.y = y + line * 1.4;
}
