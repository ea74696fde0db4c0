import { createContext } from '../context.ts';
import { closeDocument, openDocument } from '../document.ts';
import { drawFurniture, footerHeight } from '../page-furniture.ts';
import type { Furniture } from '../page-furniture.ts';
import type { PdfContext, Reader, RenderRun, Run, Theme } from '../types.ts';

export interface PageSetup {
  theme: Theme;
  reader: Reader;
  /** Info Title and the running header. */
  title: string;
  subject?: string;
  /** The help line at the foot of every page. */
  footer?: Run[];
  size?: [number, number];
  /** Margins before the footer's own room is added (default: by theme). */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Rule the running header off from the page (default: true). */
  headerRule?: boolean;
}

const defaultMargins = (theme: Theme) =>
  theme.name === 'large-print'
    ? { top: 84, bottom: 46, left: 52, right: 52 }
    : theme.name === 'compact'
      ? { top: 52, bottom: 38, left: 44, right: 44 }
      : { top: 66, bottom: 42, left: 58, right: 58 };

/** Open a document whose bottom margin leaves room for its footer, and the context of its body. */
export function startDocument(run: RenderRun, setup: PageSetup): { ctx: PdfContext; furniture: Furniture } {
  const base = setup.margins ?? defaultMargins(setup.theme);
  const { doc, root } = openDocument(run, {
    title: setup.title,
    subject: setup.subject,
    author: run.library.school?.name ?? 'PSHE Kit',
    size: setup.size,
    margins: (measuring) => {
      const width = (setup.size?.[0] ?? 595.28) - base.left - base.right;
      return { ...base, bottom: base.bottom + footerHeight(measuring, setup.theme, width, setup.footer) };
    },
  });
  return {
    ctx: createContext(run, doc, root, setup.theme, setup.reader),
    furniture: { title: setup.title, footer: setup.footer, headerRule: setup.headerRule },
  };
}

/** Write headers and footers on every page, close the structure tree and return the bytes. */
export function finishDocument(ctx: PdfContext, furniture: Furniture): Promise<Uint8Array> {
  drawFurniture(ctx, furniture);
  return closeDocument(ctx.doc, ctx.parent);
}
