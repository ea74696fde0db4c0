import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { paint, useColour } from '../colour.ts';
import { parseFlags } from '../flags.ts';
import { buildFlags } from './build-flags.ts';
import { renamesFromFlags, renameSummary } from '../rename-flags.ts';
import { printable } from '../../lesson/diagnostic-text.ts';
import { formatText } from '../format-text.ts';
import { prepareLibrary } from '../../lesson/load-library.ts';
import type { Diagnostic, Library } from '../../lesson/types.ts';
import { BuildPool } from '../../pipeline/build-pool.ts';
import { sharedKey as downloadsKey } from '../../pipeline/download-cache.ts';
import { approvalDay } from '../../lesson/unit-approval.ts';
import { renderEarlyApprovals, writeUnitPacks, type EarlyApproval } from '../../pipeline/unit-packs.ts';
import { Progress } from '../../pipeline/progress.ts';
import { RENDER_WORKER_DIR, writeRenderWorker } from '../../pipeline/render-worker-bundle.ts';
import { checkOutFolder, markerText, OUTPUT_MARKER, removeLeftovers } from '../../pipeline/out-folder.ts';
import { buildSite, indexSite } from '../../pipeline/site.ts';
import { collectGarbage, limitHeapGrowth } from '../../pool/collect-garbage.ts';
import { buildSlideDeck } from '../../slides/build-deck.ts';
import { slideLimit } from '../../slides/slide-warnings.ts';

function sizeOf(dir: string): { files: number; bytes: number; pages: number } {
  let files = 0;
  let bytes = 0;
  let pages = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name === 'index.html') pages++;
  }
  return { files, bytes, pages };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function printProblems(diagnostics: Diagnostic[]) {
  process.stdout.write(formatText(diagnostics, paint(useColour(process.stdout))));
}

/**
 * `pshe build`: check, render every download, build the site, index it, write
 * the packs, all into a temporary folder that replaces `--out` only when the
 * whole build succeeded. Errors stop it before anything is written.
 */
export async function runBuild(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(argv, buildFlags);
  if (values.help) return -1;
  const dir = (values.lessons as string | undefined) ?? 'lessons';
  const school = values.school as string | undefined;
  const useCache = !values['no-cache'];
  // Checked before anything is read: a bad pair is a usage error (exit 2).
  const renames = renamesFromFlags(values.rename as string[] | undefined);
  // The output folder is replaced wholesale: refuse one that holds anything but a previous output.
  const verdict = checkOutFolder({
    out: (values.out as string | undefined) ?? 'dist',
    library: dir,
    schoolFile: school ?? path.join(dir, 'school.yaml'),
  });
  if (!verdict.ok) {
    process.stderr.write(`pshe build: refusing to write there: ${printable(verdict.reason)}\n`);
    return 2;
  }
  const out = verdict.out;
  const shown = printable(out);
  const progress = new Progress();
  const started = performance.now();

  // Before any worker starts: every heap of the build grows by at most half again (docs/benchmarks.md).
  limitHeapGrowth();
  const checking = progress.start('check');
  // Renames travel in the lessons' context: every thread renames the models it loads (src/lesson/model-cache.ts).
  const prepared = prepareLibrary(dir, { school, modelCache: { read: useCache }, renames });
  let done = 0;
  const pool = new BuildPool(prepared, () => progress.tick(++done, prepared.jobs.length));

  const staging = `${out}.pshe-tmp-${process.pid}`;
  const downloadsStaging = `${staging}-downloads`;
  const cleanUp = () => {
    for (const folder of [staging, downloadsStaging, `${staging}-astro-cache`])
      rmSync(folder, { recursive: true, force: true });
  };
  // Ctrl-C or a `kill`: stop the workers (they write into the staging folder), then remove
  // every temporary folder; `out` is only ever renamed synchronously, so it is never half-replaced.
  let interrupted = false;
  const exit = process.exit.bind(process);
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    // Vite (run by Astro) has a SIGTERM handler of its own that exits as soon as its server has
    // closed: hold every other exit until the workers have stopped and the folders are gone.
    process.exit = (() => undefined) as unknown as typeof process.exit;
    const stopped = pool.stop().catch(() => {});
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    void Promise.race([stopped, timeout]).then(() => {
      cleanUp();
      // A file operation of Astro's already under way may land after the first pass.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      cleanUp();
      process.stderr.write(`\npshe build: interrupted; ${shown} is unchanged.\n`);
      exit(signal === 'SIGTERM' ? 143 : 130);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const { library, diagnostics } = await pool.load();
    // The check's garbage goes before the site and the downloads.
    collectGarbage();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      progress.fail();
      printProblems(diagnostics);
      process.stderr.write(`pshe build: stopped before writing anything; ${shown} is unchanged.\n`);
      return 1;
    }
    checking.done(`${prepared.jobs.length} lessons, ${diagnostics.length} warnings`);
    const built = await buildInto(out, { dir, school, useCache, library, pool, progress, staging, downloadsStaging });
    if (built !== 0) {
      cleanUp();
      return built;
    }
    const totals = sizeOf(out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const phases = progress.timings.map((t) => `${t.phase} ${t.seconds.toFixed(1)} s`).join(', ');
    process.stdout.write(
      `Built ${printable(path.relative(process.cwd(), out) || out)}: ${totals.pages} pages, ${totals.files} files, ${megabytes(totals.bytes)} in ${seconds} s (${phases}).\n`,
    );
    process.stdout.write(slideSummary(library));
    process.stdout.write(renameSummary(renames, library.lessons));
    if (diagnostics.length) process.stdout.write(`${diagnostics.length} warning(s): run \`pshe check\` to see them.\n`);
    return 0;
  } catch (error) {
    progress.fail();
    cleanUp();
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pshe build: the build failed (${printable(reason)}); ${shown} is unchanged.\n`);
    return 2;
  } finally {
    await pool.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** Render, build the site and the packs into `staging`, then put it in place of `out`. */
async function buildInto(
  out: string,
  build: {
    dir: string;
    school?: string;
    useCache: boolean;
    library: Library;
    pool: BuildPool;
    progress: Progress;
    staging: string;
    downloadsStaging: string;
  },
): Promise<number> {
  const { dir, school, useCache, library, pool, progress, staging, downloadsStaging } = build;
  const shown = printable(out);
  // What builds killed outright left beside `out` (their process is gone).
  removeLeftovers(out);
  for (const folder of [staging, downloadsStaging, `${staging}-astro-cache`])
    rmSync(folder, { recursive: true, force: true });
  mkdirSync(downloadsStaging, { recursive: true });

  const rendering = progress.start('downloads');
  const sharedKey = downloadsKey({
    signpostsFile: path.join(dir, 'signposts.yaml'),
    schoolFile: school ?? path.join(dir, 'school.yaml'),
    assets: library.school?.logo ? [library.school.logo] : [],
  });
  const unitOptions = { sharedKey, useCache, today: approvalDay() };
  let approvals = new Map<string, EarlyApproval>();
  // The site, its search index and the units' approval sheets are made on this thread while the
  // workers render.
  const siteLibrary: Library = { ...library };
  // The models this thread checked are the pool's now (its queue, once it renders), and each is let
  // go once its files are written; the site gets copies without positions, and `library` gets them
  // after the downloads.
  library.lessons = [];
  const rendered = await pool.render(library, { sharedKey, outDir: downloadsStaging, useCache }, async (lessons) => {
    siteLibrary.lessons = lessons;
    const building = progress.start('site', 'alongside the downloads');
    await buildSite({ dir, school, outDir: staging, library: siteLibrary });
    const missing = lessons.filter((lesson) => !existsSync(path.join(staging, 'lessons', lesson.id, 'index.html')));
    if (missing.length > 0 || lessons.length === 0) {
      throw new Error(
        `the site is missing pages for ${missing.map((lesson) => lesson.id).join(', ') || 'every lesson'}`,
      );
    }
    building.done();
    const indexing = progress.start('search index');
    indexing.done(`${await indexSite(staging)} pages`);
    // Astro's garbage goes before this thread renders its share of the downloads.
    collectGarbage();
    approvals = await renderEarlyApprovals(siteLibrary, unitOptions);
  });
  // The workers' heaps are not needed any more.
  await pool.stop();
  const renderProblems = rendered.downloads.flatMap((entry) => entry.diagnostics);
  if (renderProblems.some((d) => d.severity === 'error')) {
    progress.fail();
    printProblems(renderProblems);
    process.stderr.write(`pshe build: stopped; ${shown} is unchanged.\n`);
    return 1;
  }
  if (renderProblems.length) printProblems(renderProblems);
  const fromCache = rendered.downloads.filter((entry) => entry.fromCache).length;
  const fresh = rendered.downloads.length - fromCache;
  rendering.done(
    `${fresh} ${fresh === 1 ? 'lesson' : 'lessons'} rendered, ${fromCache} from the cache`,
    rendered.finishedAt,
  );
  library.lessons = rendered.lessons;

  // `/personalise/`'s render worker, bundled now that the download workers' heaps are gone.
  const bundling = progress.start('render worker');
  await writeRenderWorker(path.join(staging, RENDER_WORKER_DIR), { useCache });
  bundling.done();

  const packing = progress.start('unit packs');
  renameSync(downloadsStaging, path.join(staging, 'downloads'));
  await writeUnitPacks(path.join(staging, 'downloads'), library, unitOptions, approvals);
  packing.done(`${library.units.length} units`);

  // The mark that lets the next build replace this folder (out-folder.ts).
  writeFileSync(path.join(staging, OUTPUT_MARKER), markerText(), { flag: 'wx' });
  // `out` may have changed while the build ran: look again just before replacing it.
  if (existsSync(out) || isLink(out)) {
    const again = checkOutFolder({ out, library: dir, schoolFile: school ?? path.join(dir, 'school.yaml') });
    if (!again.ok) throw new Error(`refusing to replace it now: ${again.reason}`);
  }
  const previous = `${out}.pshe-old-${process.pid}`;
  if (existsSync(out)) renameSync(out, previous);
  renameSync(staging, out);
  rmSync(previous, { recursive: true, force: true });
  return 0;
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * One line on the decks, readable at 1,000 lessons: the total, and the three
 * longest with their limit (one slide per 1.5 minutes of the lesson).
 */
function slideSummary(library: Library): string {
  const decks = library.lessons
    .map((lesson) => ({
      id: lesson.id,
      count: buildSlideDeck(lesson, library).slides.length,
      limit: slideLimit(lesson.durationInMinutes),
    }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  if (!decks.length) return '';
  const total = decks.reduce((sum, deck) => sum + deck.count, 0);
  const longest = decks
    .slice(0, 3)
    .map((deck) => `${deck.count} (${deck.id}, limit ${deck.limit})`)
    .join(', ');
  return `Slides: ${total} in ${decks.length} decks; longest ${longest}.\n`;
}
