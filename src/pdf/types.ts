import type { Nodes, RootContent } from 'mdast';
import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';

/** A pdfkit document (pdfkit 0.20.2, typed by @types/pdfkit 0.17). */
export type Doc = PDFKit.PDFDocument;
/** A node of the PDF structure tree (H1, P, L, Table, Figure…). */
export type StructElement = PDFKit.PDFStructureElement;

/** The four faces of the one type family (DejaVu Sans). */
export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** Who reads a document: staff see `:::teacher` notes; participants (pupils, parents, staff on a course) never do. */
export type Reader = 'staff' | 'participant';

/** Sizes in points, colours as `#rrggbb`. One theme per kind of page (standard, large print, compact, slide). */
export interface Theme {
  name: 'standard' | 'large-print' | 'compact' | 'slide' | 'slide-thumbnail';
  size: { body: number; small: number; h1: number; h2: number; h3: number; h4: number; furniture: number };
  /** Extra space between lines of a paragraph. */
  lineGap: number;
  /** Space between blocks. */
  blockGap: number;
  /** Indent of list bodies and box contents. */
  indent: number;
  /** Inner space of a box. */
  boxPadding: number;
  /** Distance between ruled answer lines. */
  answerLineSpacing: number;
  /** The smallest size a table may shrink to before it is reported as too wide. */
  minTableSize: number;
  colours: {
    text: string;
    muted: string;
    accent: string;
    accentTint: string;
    rule: string;
    staffFill: string;
    staffBar: string;
    warningFill: string;
    warningBar: string;
    scenarioFill: string;
    quoteBar: string;
    tableHeaderFill: string;
    link: string;
  };
}

/** The horizontal band that blocks are laid out in: the page's text column, narrowed by boxes and lists. */
export interface Frame {
  x: number;
  width: number;
}

/** State shared by every context of one document render, mutable on purpose. */
export interface RenderRun {
  lesson: Lesson;
  library: Library;
  /** Problems found while rendering; returned with the files. */
  diagnostics: Diagnostic[];
  /** The lesson field being rendered, for diagnostics ("cycles[0].practice"). */
  field: string;
  /** The last node started, for the line of a crash. */
  node?: Nodes;
  /** Where each page's own content starts in its content stream (after pdfkit's page set-up). */
  pageBodyStart: Map<object, number>;
}

/**
 * What every capability function takes first, shaped like pdfkit's mixins but
 * as plain data: the document, how it looks, who reads it, where in the
 * structure tree and on the page content goes. Child contexts are made with a
 * spread (`{ ...ctx, parent: box }`); `run` is shared.
 */
export interface PdfContext {
  doc: Doc;
  theme: Theme;
  reader: Reader;
  /** The structure element that new content is added to. */
  parent: StructElement;
  frame: Frame;
  /** Added to markdown heading depths inside a field (a field's `#` sits under the section heading). */
  headingOffset: number;
  /** Block handlers for this document (participant documents ignore `:::teacher`). */
  handlers: BlockHandlers;
  /** How deeply lists are nested here (chooses the bullet). */
  listDepth?: number;
  run: RenderRun;
}

export type BlockHandler = (ctx: PdfContext, node: RootContent, next?: RootContent) => void;

/** Handlers keyed by mdast node type, and directives keyed by name (style.md: mdast-util-to-hast's shape). */
export interface BlockHandlers {
  nodes: Record<string, BlockHandler>;
  containerDirectives: Record<string, BlockHandler>;
  leafDirectives: Record<string, BlockHandler>;
  /** Anything not in the maps: reports a diagnostic, never drops content silently. */
  unknown: BlockHandler;
}

/** A piece of inline text in one face, possibly a link. */
export interface Run {
  text: string;
  face: Face;
  link?: string;
  strike?: boolean;
  colour?: string;
}

/** One rendered file. */
export interface PdfFile {
  name: string;
  bytes: Uint8Array;
}

export type { RootContent };
