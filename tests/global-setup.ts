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
 * Builds what the browser tests read, once per test run: the site for the
 * example library, then its Pagefind index. (Later `pshe build`, which also
 * writes the downloads and runs Pagefind itself.)
 */
export default async function setup(project: TestProject) {
  rmSync(testSiteDir, { recursive: true, force: true });
  const cache = `${testSiteDir}-astro-cache`;
  const env = {
    PSHE_LESSONS: exampleLibrary,
    PSHE_ASTRO_CACHE: cache,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
  };
  run('npx', ['astro', 'build', '--outDir', testSiteDir], env);
  rmSync(cache, { recursive: true, force: true });
  run('npx', ['pagefind', '--site', testSiteDir], env);
  project.provide('siteDir', testSiteDir);
  project.provide('libraryDir', path.resolve(exampleLibrary));
  return () => rmSync(testSiteDir, { recursive: true, force: true });
}
