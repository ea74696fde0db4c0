import type { RootContent } from 'mdast';

/** What a slide is for; renderers may style each kind differently. */
export type SlideKind =
  | 'title'
  /** A designed section slide: only its title, set large and centred (no body). */
  | 'section'
  | 'ground-rules'
  | 'baseline'
  | 'content'
  | 'scenario'
  | 'discuss'
  | 'question'
  | 'answer'
  | 'quiz'
  | 'endpoint'
  | 'help';

/**
 * One slide of the one slide model that the web deck, the slides PDF and the
 * PowerPoint all render. Bodies and notes are mdast nodes from the lesson's
 * parsed fields (never re-parsed); the body never holds `:::teacher` content.
 */
export interface Slide {
  kind: SlideKind;
  title: string;
  /** What the audience sees, as mdast block nodes. */
  body: RootContent[];
  /** Presenter notes, as mdast block nodes (from `notes` and `:::teacher` blocks). */
  notes: RootContent[];
  /**
   * What the web deck reveals on this slide at a build step (a quiz question's
   * answers). The slides PDF and the PowerPoint cannot build, so they show the
   * same answers on the quiz's answers slide instead (see `webSlides`).
   */
  reveal?: RootContent[];
  /** The part of the lesson the slide belongs to, such as a cycle's title. */
  section?: string;
  /** Where in the YAML file the slide's content came from, for diagnostics. */
  at?: { line: number; column: number };
}

export interface SlideDeck {
  lessonId: string;
  title: string;
  slides: Slide[];
}
