import type { APIRoute } from 'astro';
import { getSchool } from '../lib/library.ts';
import { schoolLogo } from '../lib/school-logo.ts';

/** `/school-logo.png` (or `.jpg`): the school's logo for the site header, when the profile names one. */
export async function getStaticPaths() {
  const logo = schoolLogo(await getSchool());
  return logo ? [{ params: { ext: logo.ext } }] : [];
}

export const GET: APIRoute = async () => {
  const logo = schoolLogo(await getSchool());
  if (!logo) return new Response(null, { status: 404 });
  return new Response(Buffer.from(logo.bytes), { headers: { 'Content-Type': logo.type } });
};
