import PDFDocument from 'pdfkit';
import { sourceDate } from '../source-date.ts';
import { registerFonts } from './fonts.ts';
import {
  applySharedLayoutCache,
  checkRequiredInternals,
  contentMark,
  documentBytes,
  documentWaiting,
  patchContentStreams,
  writeDirectly,
} from './pdfkit-internals/index.ts';
import type { Doc, RenderRun, StructElement } from './types.ts';

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface DocumentSpec {
  /** The document title: info Title, shown by viewers instead of the file name. */
  title: string;
  subject?: string;
  author?: string;
  /** Page size in points (default: A4). */
  size?: [number, number];
  /** Margins, worked out once the fonts are registered (a footer's height depends on its text). */
  margins: (doc: Doc) => Margins;
}

const A4: [number, number] = [595.28, 841.89];

/** The date written into every PDF: the build's one reproducible date (src/source-date.ts). */
export const creationDate = sourceDate;

/** pdfkit copies Title into the XMP packet without escaping it, so keep XML's special characters out. */
const xmpSafe = (text: string) => text.replace(/&/g, 'and').replace(/[<>]/g, '');

/**
 * A tagged, accessible A4 (or given size) document with DejaVu Sans embedded,
 * no default Helvetica (`font: null`), buffered pages (headers and footers are
 * written at the end, when the page count is known) and a fixed date, so the
 * same input gives the same bytes. Returns the document and its `Document`
 * structure root.
 */
export function openDocument(run: RenderRun, spec: DocumentSpec): { doc: Doc; root: StructElement } {
  checkRequiredInternals();
  const date = creationDate();
  const doc = new PDFDocument({
    size: spec.size ?? A4,
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    font: null as unknown as string,
    info: {
      Title: xmpSafe(spec.title),
      ...(spec.subject ? { Subject: xmpSafe(spec.subject) } : {}),
      ...(spec.author ? { Author: xmpSafe(spec.author) } : {}),
      Creator: 'PSHE Kit',
      Producer: 'PSHE Kit (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  writeDirectly(doc);
  registerFonts(doc);
  applySharedLayoutCache(doc);
  // Where each page's own content begins: backdrops (backdrop.ts) are slipped in there.
  doc.on('pageAdded', () => run.pageBodyStart.set(doc.page, contentMark(doc)));
  const margins = spec.margins(doc);
  doc.addPage({ size: spec.size ?? A4, margins });
  patchContentStreams(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, root };
}

/** End the document and collect its bytes. Throws, rather than hanging, if the structure tree was left open. */
export function closeDocument(doc: Doc, root: StructElement): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => resolve(documentBytes(doc, chunks)));
    root.end();
    doc.end();
    // pdfkit waits for every object to be written; a structure element never attached would keep it waiting forever.
    if (documentWaiting(doc)) {
      reject(
        new Error('The PDF structure tree has an element that was never attached, so the file cannot be finished.'),
      );
    }
  });
}
