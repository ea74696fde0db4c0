import type { Diagnostic, Library } from '../lesson/types.ts';

/** Which page the HTML is for: the teacher view shows staff-only notes, the pupil view never does. */
export type View = 'teacher' | 'pupil';

/** Options of {@link mdastToHtml} and {@link renderHtml}. */
export interface HtmlOptions {
  /** Who reads the page. `pupil` drops every `:::teacher` block. */
  view: View;
  /** The validated library: `:signpost[id]` is looked up in its services and the school's local services. */
  library: Library;
  /** The lesson file the nodes came from, for diagnostics (default: `''`). */
  file?: string;
  /**
   * How many levels to push markdown headings down, so a `#` inside a field never
   * competes with the page's own headings (default: `2`: `#` becomes `<h3>`; capped at `<h6>`).
   */
  headingOffset?: number;
  /**
   * Prefix for ids the renderer makes (footnotes), unique per field when several
   * fields share a page (default: `''`). Always behind `user-content-`.
   */
  idPrefix?: string;
  /**
   * Turns an image's address as written (a file next to the lesson) into the
   * address the page uses, such as a `data:` URI; `undefined` leaves the image
   * out and reports it (default: every image is left out, since a relative
   * address means nothing on another page).
   */
  resolveImage?: (url: string) => string | undefined;
  /** Called for content the renderer cannot place; it is still rendered as well as it can be. */
  report?: (diagnostic: Diagnostic) => void;
}

/** What {@link renderHtml} returns: the sanitized HTML and any problems met on the way. */
export interface HtmlResult {
  html: string;
  diagnostics: Diagnostic[];
}
