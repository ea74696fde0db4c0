import type { Root } from 'mdast';
import { z } from 'astro/zod';
import { audiences, schoolSchema, signpostSchema, unitSchema } from '../lesson/schema.ts';

/**
 * The schemas of the site's collections: what the loaders (`loader.ts`) store
 * and the pages read, typed through `getCollection`. They describe the library
 * after `src/lesson` has loaded it (markdown already a tree), so they reuse the
 * core schema wherever its output is its input (help services, the school
 * profile) and restate only the loaded shapes. `content.config.ts` hands them
 * to Astro; the loader tests parse with them too.
 */

/** A markdown field as loaded (`src/lesson/markdown-field.ts`), positions stripped. */
const loadedMarkdown = z.object({
  source: z.string(),
  tree: z.custom<Root>(
    (value) => typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'root',
    'a loaded markdown tree',
  ),
});

/**
 * A lesson's index entry: only what lists and routes need. The model itself,
 * with its markdown trees, reaches the pages through `library-source.ts`, since
 * Astro bundles its whole store into the server build (docs/decisions.md).
 */
export const lessonEntrySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  audience: z.enum(audiences),
  file: z.string(),
});

/** A unit as loaded: unit.yaml with its summary parsed, its folder name as id, and its file. */
export const unitEntrySchema = unitSchema.extend({
  summary: loadedMarkdown.optional(),
  id: z.string(),
  file: z.string(),
});

/** A help service of signposts.yaml, with its place in that file (the store does not keep order). */
export const signpostEntrySchema = signpostSchema.extend({ order: z.int().nonnegative() });

/** The one `profile` entry: the school profile, absent when the library has none. */
export const schoolEntrySchema = z.strictObject({ school: schoolSchema.optional() });

export type LessonEntry = z.output<typeof lessonEntrySchema>;
export type UnitEntry = z.output<typeof unitEntrySchema>;
export type SignpostEntry = z.output<typeof signpostEntrySchema>;
export type SchoolEntry = z.output<typeof schoolEntrySchema>;
