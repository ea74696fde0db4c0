import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

/**
 * The installed versions of the packages whose internals PSHE Kit reaches
 * into, read once per thread from their own package.json, and the guard every
 * patch in this folder goes through.
 *
 * None of these packages exports its package.json (`exports` hides it), so
 * the file is found by resolving the package's entry point and walking up to
 * the folder whose package.json carries its name. png-js is resolved from
 * pdfkit's folder: it is the copy pdfkit loads.
 */
export interface InstalledVersions {
  pdfkit?: string;
  fontkit?: string;
  'png-js'?: string;
  pptxgenjs?: string;
}

export type Package = keyof InstalledVersions;

const require = createRequire(import.meta.url);

/** The version in the package.json of `name`, resolved from `from`; undefined when it cannot be found. */
export function packageVersion(name: string, from: string = import.meta.url): string | undefined {
  try {
    let dir = path.dirname(createRequire(from).resolve(name));
    for (;;) {
      const file = path.join(dir, 'package.json');
      if (existsSync(file)) {
        const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (json.name === name) return json.version;
      }
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  } catch {
    return undefined;
  }
}

let installed: InstalledVersions | undefined;

/** pdfkit's, fontkit's, png-js's and pptxgenjs's installed versions, read once. */
export function installedVersions(): InstalledVersions {
  if (!installed) {
    let pdfkitEntry: string | undefined;
    try {
      pdfkitEntry = require.resolve('pdfkit');
    } catch {
      pdfkitEntry = undefined;
    }
    installed = {
      pdfkit: packageVersion('pdfkit'),
      fontkit: packageVersion('fontkit'),
      'png-js': pdfkitEntry ? packageVersion('png-js', pdfkitEntry) : undefined,
      pptxgenjs: packageVersion('pptxgenjs'),
    };
  }
  return installed;
}

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
let warn = (line: string) => {
  // Worker threads stay quiet: the main thread runs the same guards when it loads the renderer.
  if (isMainThread) process.stderr.write(`${line}\n`);
};
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
