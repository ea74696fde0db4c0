import type { InstalledVersions } from './package-versions.ts';

/**
 * The installed versions in a browser: handed over by the page, from the
 * file the build wrote beside it (see package-versions.ts). Until then
 * none is known, so every patch takes its fallback: slower, same bytes.
 */
let installed: InstalledVersions = {};

export function provideInstalledVersions(versions: InstalledVersions): void {
  installed = { ...versions };
}

export function installedVersions(): InstalledVersions {
  return installed;
}

/** A warning about a patch left out, in the browser's console. */
export function warnLine(line: string): void {
  console.warn(line);
}
