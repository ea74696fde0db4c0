import type { Doc } from '../types.ts';
import { requirePatch, type InstalledVersions, type Patch } from './versions.ts';

/**
 * Drawing behind content already laid out (backdrop.ts): pdfkit keeps each
 * buffered page's content stream as a list of chunks (`page.content.buffer`,
 * a `PDFReference`) until the document ends, so a box's background, drawn
 * after its text, can be moved to where the box began and be painted first.
 * pdfkit has no public way to draw under what is already on a page, so this
 * has no fallback: on a pdfkit it was not tested for, `checkPageContent`
 * throws when the first document is opened rather than paint boxes over text.
 * Written and tested for pdfkit 0.20.2 (tests/pdf/pdfkit-internals.test.ts).
 */
export const pageContentPatch: Patch = {
  name: "drawing behind content (splicing pdfkit's page.content.buffer)",
  without: 'no fallback',
  tested: { pdfkit: ['0.20.2'] },
};

/** Throw, naming the versions, when pdfkit is not one this was tested for. `versions` is for tests. */
export function checkPageContent(versions?: InstalledVersions): void {
  requirePatch(pageContentPatch, versions);
}

/** The chunks of the current page's content stream. */
function chunks(doc: Doc): (string | Uint8Array)[] {
  return (doc.page as unknown as { content: { buffer: (string | Uint8Array)[] } }).content.buffer;
}

/** Where the current page's content stream ends now: a mark to move drawing back to. */
export function contentMark(doc: Doc): number {
  return chunks(doc).length;
}

/**
 * Run `draw` on the current page and move what it wrote to `mark` (a
 * {@link contentMark} of this page), so that it is painted before whatever
 * was drawn after the mark.
 */
export function drawBehind(doc: Doc, mark: number, draw: () => void): void {
  const list = chunks(doc);
  const before = list.length;
  draw();
  const drawn = list.splice(before, list.length - before);
  list.splice(mark, 0, ...drawn);
}
