import type { Nodes } from 'mdast';
import { reportNode } from './diagnostics.ts';
import { faceNames, useFace } from './fonts.ts';
import { artifact, ensureSpace } from './layout.ts';
import { lastRowBottom, startNextRowAt } from './pdfkit-internals/index.ts';
import type { PdfContext } from './types.ts';

export interface TableData {
  /** Header cells (TH, scope Column). */
  header?: string[];
  rows: string[][];
  align?: Array<'left' | 'center' | 'right' | null | undefined>;
  /** Relative column widths to use instead of measuring (still shrunk to fit). */
  weights?: number[];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const words = (text: string) => text.split(/\s+/).filter(Boolean);

interface Measured {
  /** Widest word per column at the body size, without padding. */
  minimum: number[];
  /** Widest unwrapped cell per column at the body size, without padding. */
  natural: number[];
}

function measureColumns(ctx: PdfContext, header: string[] | undefined, rows: string[][], columns: number): Measured {
  const { doc, theme } = ctx;
  const minimum = new Array<number>(columns).fill(0);
  const natural = new Array<number>(columns).fill(0);
  const size = theme.size.body;
  const visit = (cells: string[], face: 'regular' | 'bold') => {
    useFace(doc, face, size);
    cells.forEach((text, c) => {
      for (const word of words(text)) minimum[c] = Math.max(minimum[c], doc.widthOfString(word));
      natural[c] = Math.max(natural[c], Math.min(doc.widthOfString(text), ctx.frame.width * 4));
    });
  };
  if (header) visit(header, 'bold');
  rows.forEach((row) => visit(row, 'regular'));
  return { minimum, natural };
}

/** Column widths that fill the frame, at the largest size (down to the theme's minimum) where no word is cut. */
function layoutColumns(ctx: PdfContext, measured: Measured, weights: number[] | undefined) {
  const { theme, frame } = ctx;
  const body = theme.size.body;
  for (let size = body; size >= theme.minTableSize - 0.01; size -= 0.5) {
    const pad = size * 0.45;
    const scale = size / body;
    const minimum = measured.minimum.map((w) => w * scale + pad * 2 + 0.5);
    const natural = measured.natural.map((w, c) => Math.max(w * scale + pad * 2 + 0.5, minimum[c]));
    if (sum(minimum) > frame.width) continue;
    let widths: number[];
    if (weights) {
      const total = sum(weights);
      widths = weights.map((w) => (w / total) * frame.width);
      if (widths.some((w, c) => w < minimum[c])) widths = spread(minimum, natural, frame.width);
    } else widths = spread(minimum, natural, frame.width);
    return { size, pad, widths, fits: true };
  }
  const size = theme.minTableSize;
  const pad = size * 0.45;
  const total = sum(measured.minimum);
  const widths = measured.minimum.map((w) =>
    total ? (w / total) * frame.width : frame.width / measured.minimum.length,
  );
  return { size, pad, widths, fits: false };
}

/** Give each column its minimum, then share the rest by how much more each would like. */
function spread(minimum: number[], natural: number[], width: number): number[] {
  if (sum(natural) <= width) return natural.map((w) => w + ((width - sum(natural)) * w) / sum(natural));
  const wants = natural.map((w, c) => w - minimum[c]);
  const extra = width - sum(minimum);
  return minimum.map((w, c) => w + (sum(wants) ? (extra * wants[c]) / sum(wants) : extra / minimum.length));
}

/**
 * Split a cell's text into pieces that each fit in `maxHeight`, so a row with
 * a very long cell continues over several rows (pdfkit moves a row to the next
 * page whole and cuts a row taller than a page with an ellipsis: pdfkit #1613).
 */
function splitToHeight(height: (text: string) => number, text: string, maxHeight: number): string[] {
  if (height(text) <= maxHeight) return [text];
  const all = words(text);
  const pieces: string[] = [];
  let from = 0;
  while (from < all.length) {
    let low = 1;
    let high = all.length - from;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (height(all.slice(from, from + mid).join(' ')) <= maxHeight) low = mid;
      else high = mid - 1;
    }
    pieces.push(all.slice(from, from + low).join(' '));
    from += low;
  }
  return pieces;
}

/**
 * A table drawn with pdfkit's `doc.table()`, tagged Table/TR/TH/TD with
 * column-scoped header cells. Columns share the frame by their content; a
 * table too wide for the page shrinks its text down to the theme's minimum,
 * and below that is reported. Rows too tall for a page are split so that no
 * text is cut off.
 */
export function table(ctx: PdfContext, data: TableData, node?: Nodes): void {
  const { doc, theme, frame } = ctx;
  const columns = Math.max(data.header?.length ?? 0, ...data.rows.map((row) => row.length));
  if (!columns) return;
  const fill = (row: string[]) => Array.from({ length: columns }, (_, c) => (row[c] ?? '').trim());
  const header = data.header ? fill(data.header) : undefined;
  const rows = data.rows.map(fill);
  const { size, pad, widths, fits } = layoutColumns(ctx, measureColumns(ctx, header, rows, columns), data.weights);
  if (!fits) {
    reportNode(
      ctx,
      node,
      `A table with ${columns} columns is too wide for the page even in small print, so long words are broken across lines; split it into narrower tables`,
    );
  }
  const lineGap = size * 0.2;
  // Each cell's text is laid out once here (pdfkit lays it out again to draw it).
  const measured = new Map<string, number>();
  const height = (face: 'regular' | 'bold', column: number) => (text: string) => {
    if (!text) return 0;
    const key = `${face}\u0000${column}\u0000${text}`;
    let value = measured.get(key);
    if (value === undefined) {
      useFace(doc, face, size);
      value = doc.heightOfString(text, { width: widths[column] - pad * 2, lineGap });
      measured.set(key, value);
    }
    return value;
  };
  const rowHeight = (row: string[], face: 'regular' | 'bold') =>
    Math.max(...row.map((text, c) => height(face, c)(text))) + pad * 2;
  const headerHeight = header ? rowHeight(header, 'bold') : 0;
  // The tallest row a page can take below the header, which is drawn again on each new page.
  const maxRow = doc.page.maxY() - doc.page.margins.top - headerHeight - pad * 2 - 2;
  const split: string[][] = [];
  for (const row of rows) {
    const pieces = row.map((text, c) => splitToHeight(height('regular', c), text, maxRow));
    const count = Math.max(...pieces.map((p) => p.length));
    for (let i = 0; i < count; i++) split.push(pieces.map((p) => p[i] ?? ''));
  }
  const heights = split.map((row) => rowHeight(row, 'regular'));
  const whole = headerHeight + heights.reduce((a, b) => a + b, 0);
  // A short table stays on one page; a long one starts with its header and at least one row.
  const pageHeight = doc.page.maxY() - doc.page.margins.top;
  ensureSpace(ctx, whole <= pageHeight * 0.4 ? whole : headerHeight + (heights[0] ?? 0));
  const font = (face: 'regular' | 'bold') => ({ src: faceNames[face], family: faceNames[face], size });
  const align = (c: number) => data.align?.[c] ?? 'left';
  const cells = [
    ...(header
      ? [
          header.map((text, c) => ({
            text,
            type: 'TH',
            scope: 'Column',
            font: font('bold'),
            backgroundColor: theme.colours.tableHeaderFill,
            align: { x: align(c), y: 'top' as const },
          })),
        ]
      : []),
    ...split.map((row) =>
      row.map((text, c) => ({ text, font: font('regular'), align: { x: align(c), y: 'top' as const } })),
    ),
  ];
  const table = doc.table({
    position: { x: frame.x, y: doc.y },
    maxWidth: frame.width,
    columnStyles: widths,
    defaultStyle: {
      padding: pad,
      border: 0.6,
      borderColor: theme.colours.rule,
      textColor: theme.colours.text,
      textOptions: { lineGap },
    },
    structParent: ctx.parent,
  } as PDFKit.Mixins.TableOptions);
  const rowCells = cells.slice(header ? 1 : 0);
  if (header) table.row(cells[0]);
  rowCells.forEach((row, index) => {
    // pdfkit starts a new page for a row that does not fit, with nothing above it. Start it here
    // instead (a point early, in case pdfkit measures the row a hair taller), draw the header
    // again as an artifact (it is tagged once, on the first page), and put the row below it
    // (pdfkit-internals/table-rows.ts; without it, pdfkit's own page break).
    const y = header ? lastRowBottom(table) : undefined;
    if (header && y !== undefined) {
      if (y + heights[index] + 1 >= doc.page.maxY()) {
        doc.continueOnNewPage();
        const top = doc.page.margins.top;
        artifact(ctx, 'Pagination', () => {
          let x = frame.x;
          header.forEach((text, c) => {
            doc.rect(x, top, widths[c], headerHeight).lineWidth(0.6);
            doc.fillAndStroke(theme.colours.tableHeaderFill, theme.colours.rule);
            useFace(doc, 'bold', size).fillColor(theme.colours.text);
            doc.text(text, x + pad, top + pad, { width: widths[c] - pad * 2, lineGap, align: align(c) });
            x += widths[c];
          });
        });
        startNextRowAt(table, top + headerHeight);
      }
    }
    table.row(row);
  });
  table.end();
  doc.x = frame.x;
}
