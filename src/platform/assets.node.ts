import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { assetFiles, type AssetName } from './asset-files.ts';

const require = createRequire(import.meta.url);
const project = fileURLToPath(new URL('../../', import.meta.url));
const read = new Map<AssetName, Uint8Array>();

/** Where an asset is on this machine: in its package, or in this project. */
export function assetPath(name: AssetName): string {
  const file: { package: string } | { project: string } = assetFiles[name];
  return 'package' in file ? require.resolve(file.package) : `${project}${file.project}`;
}

/** An asset's bytes, read from disk once per thread (the edge in Node; the browser's is assets.ts). */
export function readAsset(name: AssetName): Uint8Array {
  let bytes = read.get(name);
  if (!bytes) {
    bytes = readFileSync(assetPath(name));
    read.set(name, bytes);
  }
  return bytes;
}

/** Nothing to hand over in Node: every asset is read from disk. */
export function provideAssets(_assets: ReadonlyMap<AssetName, Uint8Array>): void {}
