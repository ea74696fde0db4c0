import type { APIRoute, GetStaticPaths } from 'astro';
import { readAsset } from '#assets';
import { assetFiles, type AssetName } from '../../../../platform/asset-files.ts';

/**
 * `/personalise/assets/<name>.bin`: the fonts, templates and licences the
 * renderers read (src/platform/asset-files.ts), for the personalise page's
 * worker; fetched only by that page. The `.bin` makes every one a file route
 * (`LICENSE` has no extension of its own), served alike by `pshe dev`, which
 * asks other routes for a trailing slash, and by the built site.
 */
export const getStaticPaths: GetStaticPaths = () =>
  (Object.keys(assetFiles) as AssetName[]).map((name) => ({ params: { name } }));

export const GET: APIRoute = ({ params }) =>
  new Response(Buffer.from(readAsset(params.name as AssetName)), {
    headers: { 'Content-Type': 'application/octet-stream' },
  });
