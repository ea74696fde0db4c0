import type { APIRoute, GetStaticPaths } from 'astro';
import type { Lesson } from '../../../../lesson/types.ts';
import { lessonPaths } from '../../../lib/library.ts';

/** `/editor/lessons/<id>.yaml`: a lesson's file as written, for "Edit a copy of this lesson". */
export const getStaticPaths: GetStaticPaths = lessonPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { lesson: Lesson }).lesson.yamlSource, {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
