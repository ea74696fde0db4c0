import type { APIRoute } from 'astro';
import { librarySource } from '../../library-source.ts';
import { editorData } from '../../lib/editor-data.ts';
import { getLibrary } from '../../lib/library.ts';

/** `/editor/library.json`: what the editor checks a lesson against (src/site/lib/editor-data.ts). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(editorData(librarySource().dir, await getLibrary())), {
    headers: { 'Content-Type': 'application/json' },
  });
