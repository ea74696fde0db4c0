import type { AssetName } from './asset-files.ts';

/**
 * The renderers' assets in a browser: the page fetches them from this site
 * (the build copies them there, src/platform/asset-files.ts) and hands them
 * over before anything is rendered. In Node, `#assets` is assets.node.ts.
 */
const provided = new Map<AssetName, Uint8Array>();

/** Hand over the fetched assets (the worker does, once). */
export function provideAssets(assets: ReadonlyMap<AssetName, Uint8Array>): void {
  for (const [name, bytes] of assets) provided.set(name, bytes);
}

/** An asset's bytes, as handed over. */
export function readAsset(name: AssetName): Uint8Array {
  const bytes = provided.get(name);
  if (!bytes) throw new Error(`${name} was not loaded`);
  return bytes;
}
