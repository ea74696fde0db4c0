import { useFace } from './fonts.ts';
import { artifact } from './layout.ts';
import { recordDrawing, replayDrawing, type Recording } from './pdfkit-internals/index.ts';
import type { Doc, PdfContext, Run, Theme } from './types.ts';

/** What goes round every page: the title and page number at the top, where to get help at the foot. */
export interface Furniture {
  title: string;
  /** The help line; absent for projected slides. */
  footer?: Run[];
  /** Rule the header off from the page (default: true; slides have a band of colour instead). */
  headerRule?: boolean;
}

/** Space between the text area and the footer's rule, and between the rule and the footer's text. */
const FOOTER_RULE_GAP = 8;

/** How much room a footer needs at a width: margins are set from this before the first page. */
export function footerHeight(doc: Doc, theme: Theme, width: number, footer: Run[] | undefined): number {
  if (!footer?.length) return 0;
  useFace(doc, 'regular', theme.size.furniture);
  return doc.heightOfString(footer.map((run) => run.text).join(''), { width, lineGap: 1 }) + FOOTER_RULE_GAP * 2.5;
}

/** A thin line across the frame at `y`, as a Layout Artifact (rules, answer lines). */
export function frameRule(ctx: PdfContext, y: number): void {
  const { doc, frame, theme } = ctx;
  artifact(ctx, 'Layout', () =>
    doc
      .lineWidth(0.75)
      .strokeColor(theme.colours.rule)
      .moveTo(frame.x, y)
      .lineTo(frame.x + frame.width, y)
      .stroke(),
  );
}

/** A rule across the frame (markdown `---`), as an Artifact. */
export function rule(ctx: PdfContext): void {
  const { doc, theme } = ctx;
  const y = doc.y + theme.blockGap * 0.5;
  frameRule(ctx, y);
  doc.y = y + theme.blockGap * 0.5;
}

/**
 * Headers and footers on every page, written once the page count is known
 * (pdfkit's `bufferPages`), all as Pagination Artifacts: on paper on every
 * page, skipped by screen readers, which read the same help in the body.
 * The title and the footer are the same on every page of one shape (size,
 * margins, and the width of its page number): they are laid out on the first
 * such page and written again on the others (pdfkit-internals/repeat-drawing.ts).
 */
export function drawFurniture(ctx: PdfContext, furniture: Furniture): void {
  const { doc, theme } = ctx;
  const range = doc.bufferedPageRange();
  const size = theme.size.furniture;
  const recorded = new Map<string, { head?: Recording; foot?: Recording }>();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const page = doc.page;
    const margins = page.margins;
    const width = page.width - margins.left - margins.right;
    // Nothing written here may start a new page.
    page.margins = { ...margins, top: 0, bottom: 0 };
    artifact(ctx, 'Pagination', () => {
      const label = `Page ${i + 1} of ${range.count}`;
      useFace(doc, 'regular', size);
      const labelWidth = doc.widthOfString(label);
      const top = Math.max(18, margins.top - size * 3.2);
      const shape = [page.width, page.height, margins.left, margins.right, margins.top, margins.bottom, labelWidth];
      const key = shape.join(' ');
      const known = recorded.get(key);
      const head = () => {
        doc.fillColor(theme.colours.muted);
        doc.text(furniture.title, margins.left, top, {
          width: width - labelWidth - 18,
          height: size * 1.4,
          ellipsis: true,
        });
      };
      const foot = () => {
        const pageRule = (y: number, colour: string) =>
          doc
            .lineWidth(0.6)
            .strokeColor(colour)
            .moveTo(margins.left, y)
            .lineTo(margins.left + width, y)
            .stroke();
        if (furniture.headerRule !== false) pageRule(top + size * 1.6, theme.colours.accent);
        if (furniture.footer?.length) {
          const ruleY = page.height - margins.bottom + FOOTER_RULE_GAP;
          const footerTop = ruleY + FOOTER_RULE_GAP;
          pageRule(ruleY, theme.colours.rule);
          furniture.footer.forEach((run, index) => {
            useFace(doc, run.face, size).fillColor(run.colour ?? theme.colours.text);
            const options = { width, lineGap: 1, continued: index < furniture.footer!.length - 1 };
            if (index === 0) doc.text(run.text, margins.left, footerTop, options);
            else doc.text(run.text, options);
          });
        }
      };
      const headDrawn = known?.head ? replayDrawing(doc, known.head) : recordDrawing(doc, head);
      // The page number in the title's face, as the title leaves it.
      useFace(doc, 'regular', size);
      doc.text(label, margins.left + width - labelWidth, top, { lineBreak: false });
      const footDrawn = known?.foot ? replayDrawing(doc, known.foot) : recordDrawing(doc, foot);
      // A drawing that could not be recorded (a font's first use adds its object) is recorded on the next page.
      recorded.set(key, { head: headDrawn, foot: footDrawn });
    });
    page.margins = margins;
  }
}
