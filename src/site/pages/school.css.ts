import type { APIRoute } from 'astro';
import { getSchool } from '../lib/library.ts';
import { schoolStylesheet } from '../lib/school-style.ts';

/** `/school.css`: the school's accent colour for every page (see lib/school-style.ts). */
export const GET: APIRoute = async () =>
  new Response(schoolStylesheet(await getSchool()), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
