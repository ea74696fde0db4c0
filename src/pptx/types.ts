import type PptxGenJS from 'pptxgenjs';
import type { LessonImage } from '../library-file.ts';
import type { Diagnostic, Library } from '../lesson/types.ts';
import type { Theme } from './theme.ts';

/** Options of {@link renderPptx}. */
export interface PptxOptions {
  /** The validated library: `:signpost[id]` is looked up in its services and the school's local ones. */
  library: Library;
  /** `#RRGGBB` for the title band (default: `library.school?.accentColour`, else PSHE Kit's blue). */
  accentColour?: string;
  /** The lesson file the deck came from, for diagnostics (default: `''`). */
  file?: string;
  /** The lesson whose images the slides show, read at the edge (`#images`); without it, images are described in words. */
  lesson?: { id: string; file: string };
  /** Called for content the renderer cannot place; it is still rendered as well as it can be. */
  report?: (diagnostic: Diagnostic) => void;
}

/** One run of text as pptxgenjs takes it. */
export type Run = PptxGenJS.TextProps;
export type RunOptions = PptxGenJS.TextPropsOptions;

/** What handlers share: options, theme, the size of body text, and where to report. */
export interface State {
  library: Library;
  theme: Theme;
  fontSize: number;
  report: (node: { type: string; position?: { start: { line: number; column: number } } }, reason: string) => void;
  /** See {@link PptxOptions.lesson}. */
  lesson?: { id: string; file: string };
  /** Images read so far, by the URL the markdown gives. */
  images: Map<string, { image?: LessonImage; problem?: string }>;
}

/** Where a block sits: list depth and the formatting its parents give it. */
export interface Context {
  indentLevel: number;
  /** Formatting inherited from parents (bold in a heading, italic in a quote…). */
  marks: RunOptions;
}
