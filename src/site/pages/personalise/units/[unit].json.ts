import type { APIRoute, GetStaticPaths } from 'astro';
import type { Unit } from '../../../../lesson/types.ts';
import { getLibrary, lessonsOfUnit, unitPaths } from '../../../lib/library.ts';
import { personaliseUnit } from '../../../lib/personalise-data.ts';

/** `/personalise/units/<unit>.json`: the unit and its lessons' ids, in order, for `/personalise/?unit=<unit>`. */
export const getStaticPaths: GetStaticPaths = unitPaths;

export const GET: APIRoute = async ({ props }) => {
  const { unit } = props as { unit: Unit };
  const library = await getLibrary();
  return new Response(JSON.stringify(personaliseUnit(unit, lessonsOfUnit(unit, library.lessons))), {
    headers: { 'Content-Type': 'application/json' },
  });
};
