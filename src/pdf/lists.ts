import { useFace } from './fonts.ts';
import { artifact, ensureSpace, inside, struct } from './layout.ts';
import { lineHeight } from './text.ts';
import type { PdfContext } from './types.ts';

export interface ListOptions {
  /** Numbered (1., 2., …) instead of bullets (default: false). */
  ordered?: boolean;
  /** The first number (default: 1). */
  start?: number;
  /** Labels to print instead of bullets or numbers, such as quiz letters. */
  labels?: string[];
  /** Draw an empty tick box before each label (a quiz on paper). */
  tickBoxes?: boolean;
  /** Less space between items (default: false). */
  tight?: boolean;
  /** Heights to keep on one page with each item's label (a quiz question with its options). */
  keep?: number[];
}

const bullets = ['•', '◦', '▪'];

/**
 * A list with its structure (L, LI, Lbl, LBody): each item's label is drawn
 * and tagged, then the item's own content is laid out beside it by `items[i]`,
 * in a frame narrowed by the label's width. Long lists flow on to the next
 * page item by item; a label never stands alone at the foot of a page.
 */
export function list(ctx: PdfContext, items: Array<(item: PdfContext) => void>, options: ListOptions = {}): void {
  if (!items.length) return;
  const { doc, theme, frame } = ctx;
  const size = theme.size.body;
  const depth = ctx.listDepth ?? 0;
  const start = options.start ?? 1;
  const labels = items.map(
    (_, i) => options.labels?.[i] ?? (options.ordered ? `${start + i}.` : bullets[depth % bullets.length]),
  );
  const labelFace = options.ordered || options.labels ? 'bold' : 'regular';
  useFace(doc, labelFace, size);
  const box = options.tickBoxes ? size * 0.95 : 0;
  const boxGap = options.tickBoxes ? size * 0.5 : 0;
  const widest = Math.max(...labels.map((label) => doc.widthOfString(label)));
  const indent = Math.max(theme.indent, box + boxGap + widest + size * 0.6);
  const body = { x: frame.x + indent, width: frame.width - indent };
  const element = struct(ctx, 'L');
  const between = theme.blockGap * (options.tight ? 0.3 : 0.6);
  items.forEach((render, i) => {
    if (i > 0) doc.y += between;
    const line = lineHeight(ctx, size);
    ensureSpace(ctx, Math.max(line * 1.5, fitsOnAPage(ctx, options.keep?.[i] ?? 0)));
    const y = doc.y;
    const item = doc.struct('LI');
    element.add(item);
    const label = doc.struct('Lbl');
    item.add(label);
    if (options.tickBoxes) {
      const top = y + (line - theme.lineGap - box) / 2;
      artifact(ctx, 'Layout', () =>
        doc
          .lineWidth(Math.max(0.75, size / 14))
          .strokeColor(theme.colours.text)
          .rect(frame.x, top, box, box)
          .stroke(),
      );
    }
    label.add(() => {
      useFace(doc, labelFace, size).fillColor(theme.colours.accent);
      const x =
        options.ordered && !options.labels
          ? body.x - size * 0.5 - doc.widthOfString(labels[i])
          : frame.x + box + boxGap;
      doc.text(labels[i], x, y, { lineBreak: false });
    });
    label.end();
    doc.x = body.x;
    doc.y = y;
    const lbody = doc.struct('LBody');
    item.add(lbody);
    render({ ...inside(ctx, lbody, body), listDepth: depth + 1 });
    lbody.end();
    item.end();
    doc.x = frame.x;
  });
  element.end();
}

/** A height to keep together, or 0 when it is taller than a page's text area (it would not fit anywhere). */
function fitsOnAPage(ctx: PdfContext, height: number): number {
  const page = ctx.doc.page;
  return height <= page.maxY() - page.margins.top ? height : 0;
}
