import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** The example library every browser test reads, and where its site is built. */
export const exampleLibrary = 'examples/library';
/**
 * One folder per test run under `.tmp/test-site/`, so two runs at once (two
 * engineers, or a watch run and a CI run) never delete each other's site.
 */
export const testSiteDir = path.resolve('.tmp/test-site', `run-${process.pid}`);

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the built example site (`.tmp/test-site`). */
    siteDir: string;
    /** The library the site was built from. */
    libraryDir: string;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  // Without vitest's NODE_ENV=test, so the site is built exactly as `npm run build` builds it.
  const inherited = { ...process.env };
  delete inherited.NODE_ENV;
  const result = spawnSync(command, args, { env: { ...inherited, ...env }, encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Builds what the browser and download tests read, once per test run, the way
 * a user does: `pshe build` of the example library (site, downloads, packs and
 * the Pagefind index).
 */
export default async function setup(project: TestProject) {
  rmSync(testSiteDir, { recursive: true, force: true });
  run(process.execPath, ['bin/pshe.js', 'build', '--lessons', exampleLibrary, '--out', testSiteDir], {
    CI: '1',
    NO_COLOR: '1',
    // 2026-01-01, the date every download carries without it: set, so that the unit approval
    // sheet (which marks services overdue against the build's date) is the same every day.
    SOURCE_DATE_EPOCH: '1767225600',
  });
  project.provide('siteDir', testSiteDir);
  project.provide('libraryDir', path.resolve(exampleLibrary));
  return () => rmSync(testSiteDir, { recursive: true, force: true });
}
