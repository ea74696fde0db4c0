import type { Paragraph, ParagraphChild, Table } from 'docx';
import type { Reader } from '../documents/outline.ts';
import type { LessonImage } from '../library-file.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import type { Theme } from '../pdf/types.ts';

/** A block of a Word document: a paragraph or a table. */
export type DocxBlock = Paragraph | Table;

/** Reads an image a lesson names, through the library's file gate (the edge: Node reads files, a browser fetches). */
export type ReadImage = (url: string) => { image?: LessonImage; problem?: string };

/** What rendering one Word document needs to know. */
export interface DocxContext {
  lesson: Lesson;
  library: Library;
  reader: Reader;
  colours: Theme['colours'];
  readImage: ReadImage;
  /** How deep in lists the current blocks are (0 outside a list). */
  listLevel: number;
  /** The next number for an ordered list of its own (each restarts at its `start`). */
  nextList: { value: number };
  /** The level of the last heading of the outline (0 after the title, 1 after a section, 2 after a sub-section). */
  outlineLevel: { value: number };
  /** Word's level for each markdown heading depth of the field being written (levels one under the outline's, no gaps). */
  headingLevels?: ReadonlyMap<number, number>;
}

/** The look inline content inherits from its parents. */
export interface InlineStyle {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  colour?: string;
}

export type InlineChildren = ParagraphChild[];
