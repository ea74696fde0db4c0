import { defineCollection } from 'astro:content';
import { lessonLoader, schoolLoader, signpostLoader, unitLoader } from './loader.ts';

/**
 * The site's collections, all fed by one load of the lesson library
 * (`PSHE_LESSONS`, default `lessons`; school profile from `PSHE_SCHOOL`).
 * No Zod schema here: `src/lesson` has already validated everything, and
 * `src/site/lib/library.ts` gives pages typed access.
 */
export const collections = {
  lessons: defineCollection({ loader: lessonLoader() }),
  units: defineCollection({ loader: unitLoader() }),
  signposts: defineCollection({ loader: signpostLoader() }),
  school: defineCollection({ loader: schoolLoader() }),
};
