import { installedVersions, warnLine } from '#installed-versions';
import type { InstalledVersions } from '../../platform/package-versions.ts';

/**
 * The guard every patch in this folder goes through: the installed versions
 * of the packages whose internals PSHE Kit reaches into (read at the edge,
 * src/platform) against the versions each patch was written and tested for.
 */
export type { InstalledVersions };
export { installedVersions };

export type Package = keyof InstalledVersions;

/** One patch of another package's internals: what it is, and the versions it was written and tested for. */
export interface Patch {
  /** A short name, used in warnings and errors. */
  name: string;
  /** What is lost without it (for the warning): "slower", "no repeated table headers"… */
  without: string;
  /** The package versions the patch was written and tested for; every package listed must match. */
  tested: Partial<Record<Package, readonly string[]>>;
}

/** Where fallback warnings go (tests replace it). */
let warn = warnLine;
const warned = new Set<string>();

/** Replace the warning sink (tests); returns the previous one. Clears the "warned once" memory. */
export function setWarn(sink: (line: string) => void): (line: string) => void {
  const previous = warn;
  warn = sink;
  warned.clear();
  return previous;
}

/** The first package whose installed version is not one the patch was tested for, described; undefined when all match. */
export function mismatch(patch: Patch, versions: InstalledVersions = installedVersions()): string | undefined {
  for (const [name, tested] of Object.entries(patch.tested) as [Package, readonly string[]][]) {
    const version = versions[name];
    if (!version || !tested.includes(version)) {
      return `${name} ${version ?? '(not found)'} is installed; ${patch.name} was written and tested for ${name} ${tested.join(', ')}`;
    }
  }
  return undefined;
}

/**
 * Whether a patch with a fallback may be applied: true when every package it
 * touches is at a version it was tested for. Otherwise false, and one line to
 * stderr, once per patch and process, so a new pdfkit is noticed (output stays
 * correct: the fallback is the package's own code).
 */
export function mayPatch(patch: Patch, versions: InstalledVersions = installedVersions()): boolean {
  if (forced.has(patch)) return false;
  const problem = mismatch(patch, versions);
  if (!problem) return true;
  if (!warned.has(patch.name)) {
    warned.add(patch.name);
    warn(`pshe: ${problem}, so it is left out (${patch.without}).`);
  }
  return false;
}

const forced = new Set<Patch>();

/** Take these patches' fallbacks, silently, until called again (tests: the unpatched output to compare with). */
export function forceFallback(patches: readonly Patch[]): void {
  forced.clear();
  for (const patch of patches) forced.add(patch);
}

/**
 * For a patch with no fallback (the public API cannot do what it does):
 * throw, naming the mismatch, rather than make wrong output.
 */
export function requirePatch(patch: Patch, versions: InstalledVersions = installedVersions()): void {
  const problem = mismatch(patch, versions);
  if (problem) {
    throw new Error(
      `${problem}, and there is no safe way round it: install the tested version (npm ci), or update src/pdf/pdfkit-internals/ for the new one.`,
    );
  }
}
