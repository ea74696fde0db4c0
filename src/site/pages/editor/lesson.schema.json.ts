import type { APIRoute } from 'astro';
import { jsonSchemaFor } from '../../../lesson/json-schema.ts';

/** `/editor/lesson.schema.json`: the lesson's JSON Schema, for the editor's completion and hover help. */
export const GET: APIRoute = () =>
  new Response(jsonSchemaFor('lesson'), { headers: { 'Content-Type': 'application/json' } });
