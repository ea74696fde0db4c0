import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { InstalledVersions } from './package-versions.ts';

/*
 * None of these packages exports its package.json (`exports` hides it), so
 * the file is found by resolving the package's entry point and walking up to
 * the folder whose package.json carries its name. png-js is resolved from
 * pdfkit's folder: it is the copy pdfkit loads.
 */

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

/** pdfkit's, fontkit's, png-js's and pptxgenjs's installed versions, read once per thread. */
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

/** Nothing to hand over in Node: the versions are read from disk. */
export function provideInstalledVersions(_versions: InstalledVersions): void {}

/** A warning about a patch left out, on stderr; worker threads stay quiet (the main thread runs the same guards). */
export function warnLine(line: string): void {
  if (isMainThread) process.stderr.write(`${line}\n`);
}
