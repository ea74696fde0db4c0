import type { Audience, Lesson, MarkdownField } from '../lesson/types.ts';

/**
 * What a printed document holds, in order, independent of how it is drawn:
 * the list that the PDF renderer (src/pdf) and the Word renderer (src/docx)
 * both walk, so the handout and the plan say the same words in the same order
 * in every format. Page layout (where pages break, how much room a heading
 * keeps below it) belongs to each renderer; `gap` is a hint that the PDF
 * follows and Word leaves to its paragraph spacing.
 */

/** Who reads the document: staff see `:::teacher` notes and answers; participants never do. */
export type Reader = 'staff' | 'participant';

export type Quiz = NonNullable<Lesson['exitQuiz']>;

/** A lesson's markdown field and its name in the lesson ("cycles[0].practice"), for diagnostics. */
export interface FieldRef {
  field: MarkdownField;
  name: string;
}

export type Block =
  /** The first lines: what the document is, its title, a line of facts. */
  | { type: 'title'; kicker: string; title: string; facts: readonly string[] }
  /** "Name" and one line to write it on. */
  | { type: 'name-line' }
  /** A bold label and its text in one paragraph ("Today's aim: …"). */
  | { type: 'labelled'; label: string; text: string }
  /** A section heading (level 2), kept with the start of `keepWith` when given. */
  | { type: 'section'; title: string; keepWith?: FieldRef }
  /** A sub-heading (level 3). */
  | { type: 'subsection'; title: string }
  /** A paragraph of plain text. */
  | { type: 'paragraph'; text: string }
  /** A quieter paragraph: an instruction or an aside. */
  | { type: 'note'; text: string }
  /** Extra space, in the theme's gaps between blocks (1 when unset). */
  | { type: 'gap'; size?: number }
  /** A markdown field of the lesson, through the reader's handlers. */
  | ({ type: 'field' } & FieldRef)
  /** The lesson's key words as a two-column table. */
  | { type: 'keywords'; header: readonly [string, string] }
  /** A multiple-choice quiz: with answers marked (staff), or with tick boxes. */
  | { type: 'quiz'; questions: Quiz; answers: boolean }
  | { type: 'bullets'; items: readonly string[] }
  | { type: 'table'; header: readonly string[]; rows: readonly (readonly string[])[]; weights: readonly number[] }
  /** The content guidance and supervision level, in a box. */
  | { type: 'content-guidance' }
  /** A markdown field in a staff box with a label. */
  | ({ type: 'staff-box'; label: string } & FieldRef)
  /** "Where to get help": in school, then outside school, for the audience. */
  | { type: 'help'; audience: Audience; label?: string }
  | { type: 'sources'; sources: NonNullable<Lesson['sources']> };

export interface Outline {
  /** What the document is, as its title block says ("Handout", "Lesson plan"). */
  kind: string;
  /** The document's title in its properties ("Lesson title: handout"). */
  title: string;
  /** The document's subject in its properties. */
  subject: string;
  reader: Reader;
  /** Whose help line runs along the foot of every page. */
  footer: Audience;
  blocks: Block[];
}
