import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { paint, useColour } from '../cli/colour.ts';
import { parseFlags } from '../cli/flags.ts';
import { buildFlags } from './flags.ts';
import { formatText } from '../cli/format-text.ts';
import { loadLibrary } from '../lesson/load-library.ts';
import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';
import { lessonKey, readCached, sharedKey, writeCached } from './download-cache.ts';
import { lessonPack, unitPack } from './packs.ts';
import { Progress } from './progress.ts';
import { renderDownloads } from './render-downloads.ts';
import type { RenderedFile } from './render-downloads.ts';
import { buildSite, indexSite } from './site.ts';

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
  const out = path.resolve((values.out as string | undefined) ?? 'dist');
  const school = values.school as string | undefined;
  const useCache = !values['no-cache'];
  const progress = new Progress();
  const started = performance.now();

  progress.start('check');
  const { library, diagnostics } = loadLibrary(dir, { school });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    progress.fail();
    printProblems(diagnostics);
    process.stderr.write(`pshe build: stopped before writing anything; ${out} is unchanged.\n`);
    return 1;
  }
  progress.done(`${library.lessons.length} lessons, ${diagnostics.length} warnings`);

  const staging = `${out}.pshe-tmp-${process.pid}`;
  const downloadsStaging = `${staging}-downloads`;
  const cleanUp = () => {
    rmSync(staging, { recursive: true, force: true });
    rmSync(downloadsStaging, { recursive: true, force: true });
  };
  const onSignal = () => {
    cleanUp();
    process.stderr.write(`\npshe build: interrupted; ${out} is unchanged.\n`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    cleanUp();
    mkdirSync(downloadsStaging, { recursive: true });

    progress.start('downloads');
    const lessons = [...library.lessons].sort((a, b) => a.id.localeCompare(b.id));
    const shared = sharedKey({
      signpostsFile: path.join(dir, 'signposts.yaml'),
      schoolFile: school ?? path.join(dir, 'school.yaml'),
    });
    const rendered = new Map<string, RenderedFile[]>();
    const renderProblems: Diagnostic[] = [];
    let fromCache = 0;
    for (const [index, lesson] of lessons.entries()) {
      const key = lessonKey(shared, lesson);
      let files = useCache ? readCached(key) : undefined;
      if (files) fromCache++;
      else {
        const result = await renderDownloads(lesson, library);
        renderProblems.push(...result.diagnostics);
        files = result.files;
        if (!result.diagnostics.some((d) => d.severity === 'error')) writeCached(key, files);
      }
      rendered.set(lesson.id, files);
      const lessonDir = path.join(downloadsStaging, lesson.id);
      mkdirSync(lessonDir, { recursive: true });
      for (const file of files) writeFileSync(path.join(lessonDir, file.name), file.bytes);
      progress.tick(index + 1, lessons.length);
    }
    if (renderProblems.some((d) => d.severity === 'error')) {
      progress.fail();
      printProblems(renderProblems);
      process.stderr.write(`pshe build: stopped; ${out} is unchanged.\n`);
      cleanUp();
      return 1;
    }
    progress.done(`${lessons.length - fromCache} rendered, ${fromCache} from the cache`);

    progress.start('site');
    await buildSite({ dir, school, outDir: staging, library });
    const missing = lessons.filter((lesson) => !existsSync(path.join(staging, 'lessons', lesson.id, 'index.html')));
    if (missing.length > 0 || lessons.length === 0) {
      throw new Error(
        `the site is missing pages for ${missing.map((lesson) => lesson.id).join(', ') || 'every lesson'}`,
      );
    }
    progress.done();

    progress.start('search index');
    const indexed = await indexSite(staging);
    progress.done(`${indexed} pages`);

    progress.start('packs');
    renameSync(downloadsStaging, path.join(staging, 'downloads'));
    writePacks(staging, lessons, rendered, library);
    progress.done();

    const previous = `${out}.pshe-old-${process.pid}`;
    if (existsSync(out)) renameSync(out, previous);
    renameSync(staging, out);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    progress.fail();
    cleanUp();
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pshe build: the build failed (${reason}); ${out} is unchanged.\n`);
    return 2;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }

  const totals = sizeOf(out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const phases = progress.timings.map((t) => `${t.phase} ${t.seconds.toFixed(1)} s`).join(', ');
  process.stdout.write(
    `Built ${path.relative(process.cwd(), out) || out}: ${totals.pages} pages, ${totals.files} files, ${megabytes(totals.bytes)} in ${seconds} s (${phases}).\n`,
  );
  if (diagnostics.length) process.stdout.write(`${diagnostics.length} warning(s): run \`pshe check\` to see them.\n`);
  return 0;
}

function writePacks(staging: string, lessons: Lesson[], rendered: Map<string, RenderedFile[]>, library: Library) {
  const packs = new Map<string, Uint8Array>();
  for (const lesson of lessons) {
    const bytes = lessonPack(lesson, library, rendered.get(lesson.id) ?? []);
    packs.set(lesson.id, bytes);
    writeFileSync(path.join(staging, 'downloads', lesson.id, `${lesson.id}-pack.zip`), bytes);
  }
  const unitsDir = path.join(staging, 'downloads', 'units');
  mkdirSync(unitsDir, { recursive: true });
  for (const unit of library.units) {
    const members = unit.lessons.flatMap((id) => {
      const lesson = lessons.find((candidate) => candidate.id === id);
      const bytes = packs.get(id);
      return lesson && bytes ? [{ lesson, bytes }] : [];
    });
    writeFileSync(path.join(unitsDir, `${unit.id}-pack.zip`), unitPack(unit, members));
  }
}
