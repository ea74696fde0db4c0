import type { APIRoute, GetStaticPaths } from 'astro';
import type { Lesson } from '../../../../lesson/types.ts';
import { getLibrary, lessonPaths } from '../../../lib/library.ts';
import { personaliseData } from '../../../lib/personalise-data.ts';

/** `/personalise/lessons/<id>.json`: what the personalise page renders a lesson's files from. */
export const getStaticPaths: GetStaticPaths = lessonPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(JSON.stringify(personaliseData((props as { lesson: Lesson }).lesson, await getLibrary())), {
    headers: { 'Content-Type': 'application/json' },
  });
