import type { z } from 'zod';
import type { lessonSchema, schoolSchema, signpostSchema, unitSchema } from './schema.ts';

export type { MarkdownField } from './markdown-field.ts';

/** A lesson as validated, markdown fields parsed, plus where it came from. */
export type Lesson = z.output<typeof lessonSchema> & {
  /** The lesson's id: `id` when set, else the file name without `.yaml`. */
  id: string;
  /** The unit folder the lesson lives in. */
  unit: string;
  /** Path of the YAML file, relative to the current working directory. */
  file: string;
  /** The YAML file's text, for packs (nothing re-parses it). */
  yamlSource: string;
  /**
   * Where each value starts in the YAML file, by path (`title`, `cycles.0.slides.1`,
   * `exitQuiz.2`), recorded once by the loader so renderers can place diagnostics.
   */
  positions: Record<string, { line: number; column: number }>;
  /** The image files its markdown points to, resolved next to the lesson file (for cache keys). */
  images?: string[];
  /**
   * The character renames (old name → new) that changed this model, one set
   * per call of `renameCharacters` (src/lesson/rename.ts), only the names it
   * found; absent when nothing was renamed. Part of the cache keys of its
   * outputs: the model is then no longer its YAML's alone.
   */
  renames?: readonly Readonly<Record<string, string>>[];
};

export type Unit = z.output<typeof unitSchema> & { id: string; file: string };
export type Signpost = z.output<typeof signpostSchema>;
export type School = z.output<typeof schoolSchema>;

/** Who a document or page is for. */
export type Audience = Lesson['audience'];

/** Everything a renderer needs: the validated library. */
export interface Library {
  dir: string;
  lessons: Lesson[];
  units: Unit[];
  signposts: Signpost[];
  /** The school profile, when one was found or given. */
  school?: School;
}

export type Severity = 'error' | 'warning';

/** Which layer found a problem. */
export type DiagnosticSource = 'yaml' | 'schema' | 'markdown' | 'safety' | 'library' | 'render';

/**
 * One problem in one file, shaped like a VFileMessage: where, how bad, which
 * rule, what to do. `line` and `column` are 1-based; a file-level problem uses 1:1.
 */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  ruleId: string;
  source: DiagnosticSource;
  message: string;
  /** Allowed values, the basis of "did you mean". */
  expected?: string[];
  actual?: string;
  note?: string;
  /** Another place the message refers to, such as the first definition of a duplicate id. */
  cause?: { file: string; line: number; column: number; message: string };
}
