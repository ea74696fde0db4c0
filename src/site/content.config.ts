import { defineCollection } from 'astro:content';
import { lessonEntrySchema, schoolEntrySchema, signpostEntrySchema, unitEntrySchema } from './collections.ts';
import { lessonLoader, schoolLoader, signpostLoader, unitLoader } from './loader.ts';

/**
 * The site's collections, all fed by one load of the lesson library: the one
 * `pshe build` or `pshe dev` chose (`library-source.ts`). Each has a schema
 * (`collections.ts`), so pages read typed entries.
 */
export const collections = {
  lessons: defineCollection({ loader: lessonLoader(), schema: lessonEntrySchema }),
  units: defineCollection({ loader: unitLoader(), schema: unitEntrySchema }),
  signposts: defineCollection({ loader: signpostLoader(), schema: signpostEntrySchema }),
  school: defineCollection({ loader: schoolLoader(), schema: schoolEntrySchema }),
};
