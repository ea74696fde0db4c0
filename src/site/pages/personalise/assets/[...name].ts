import type { APIRoute, GetStaticPaths } from 'astro';
import { readAsset } from '#assets';
import { assetFiles, type AssetName } from '../../../../platform/asset-files.ts';

/**
 * `/personalise/assets/<name>`: the fonts, templates and licences the
 * renderers read (src/platform/asset-files.ts), for the personalise page's
 * worker; fetched only by that page.
 */
export const getStaticPaths: GetStaticPaths = () =>
  (Object.keys(assetFiles) as AssetName[]).map((name) => ({ params: { name } }));

export const GET: APIRoute = ({ params }) =>
  new Response(Buffer.from(readAsset(params.name as AssetName)), {
    headers: { 'Content-Type': 'application/octet-stream' },
  });
