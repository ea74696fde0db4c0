// `npm run bench`: the speed and memory figures of PSHE Kit on this machine.
// Generates synthetic libraries (scripts/generate-library.ts) of 100 and 1,000
// lessons and times `pshe check` and `pshe build` as a user runs them, in child
// processes, with peak memory from GNU time. Writes docs/benchmarks.md.
//   npm run bench                      # 100 and 1,000 lessons
//   BENCH_SIZES=100 npm run bench      # only 100
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputsFor } from '../src/outputs.ts';
import { generateLibrary } from './generate-library.ts';

const sizes = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);
const cli = path.resolve('src/cli/run.ts');
const hasGnuTime = existsSync('/usr/bin/time');

interface Run {
  seconds: number;
  rssMb?: number;
  stdout: string;
  stderr: string;
  status: number | null;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const command = hasGnuTime ? '/usr/bin/time' : process.execPath;
  const full = hasGnuTime ? ['-f', 'PSHE_TIME %e %M', process.execPath, cli, ...args] : [cli, ...args];
  const started = performance.now();
  const result = spawnSync(command, full, {
    encoding: 'utf8',
    env: { ...process.env, CI: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const timing = /PSHE_TIME ([\d.]+) (\d+)/.exec(result.stderr);
  return {
    seconds: timing ? Number(timing[1]) : seconds,
    rssMb: timing ? Number(timing[2]) / 1024 : undefined,
    stdout: result.stdout,
    stderr: result.stderr,
    status: result.status,
  };
}

function phases(output: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const match of output.matchAll(/pshe build: (.+?) done in ([\d.]+) s/g)) found[match[1]] = Number(match[2]);
  return found;
}

/** The phases, and how many lessons were rendered rather than copied from the cache. */
function buildNotes(output: string): string {
  const times = Object.entries(phases(output)).map(([k, v]) => `${k} ${v} s`);
  const rendered = /\((\d+) lessons? rendered, (\d+) from the cache\)/.exec(output);
  return [...times, ...(rendered ? [`${rendered[1]} rendered, ${rendered[2]} from the cache`] : [])].join(', ');
}

const rows: string[] = [];
const row = (size: number, what: string, r: Run, note = '') => {
  const line = `| ${size} | ${what} | ${r.seconds.toFixed(2)} s | ${r.rssMb ? `${r.rssMb.toFixed(0)} MB` : '—'} | ${note} |`;
  rows.push(line);
  console.log(line);
  if (r.status !== 0) console.error(`  exit ${r.status}: ${r.stderr.slice(-2000)}`);
};

console.log('| lessons | what | wall time | peak RSS | notes |');
for (const size of sizes) {
  const dir = `.tmp/bench-${size}`;
  const out = `.tmp/bench-${size}-dist`;
  generateLibrary(size, dir);
  // A folder from an older version has no output marker, and the build would rightly refuse it.
  rmSync(out, { recursive: true, force: true });
  row(
    size,
    '`pshe check`, cold (`--no-cache`)',
    run(['check', '--lessons', dir, '--no-cache', '--today', '2024-01-01']),
  );
  row(size, '`pshe check`, nothing changed (cache)', run(['check', '--lessons', dir, '--today', '2024-01-01']));
  const cold = run(['build', '--lessons', dir, '--out', out, '--no-cache']);
  const coldPhases = phases(cold.stderr);
  row(size, '`pshe build`, cold (`--no-cache`)', cold, buildNotes(cold.stderr));
  const downloads = coldPhases.downloads;
  if (downloads) {
    // Every file but the pack, for a pupils' lesson (the generated library's audience).
    const docs = size * outputsFor('pupils').filter((output) => output.kind !== 'Zip').length;
    rows.push(
      `| ${size} | · downloads per lesson (the PDFs, .pptx and .docx), cold | ${((downloads / size) * 1000).toFixed(0)} ms | | ${((downloads / docs) * 1000).toFixed(1)} ms per file on average, ${os.availableParallelism()} cores, the site built alongside |`,
    );
  }
  const warm = run(['build', '--lessons', dir, '--out', out]);
  row(size, '`pshe build`, nothing changed', warm, buildNotes(warm.stderr));
  const lessonFile = path.join(dir, 'unit-001', 'lesson-0001.yaml');
  writeFileSync(
    lessonFile,
    // A new edit each run, so that no cache from an earlier run holds it.
    readFileSync(lessonFile, 'utf8').replace('Synthetic lesson 0 on', `Synthetic lesson 0 (edited ${Date.now()}) on`),
  );
  const one = run(['build', '--lessons', dir, '--out', out]);
  row(size, '`pshe build`, one lesson changed', one, buildNotes(one.stderr));
  // The check cache misses (a file changed); the model cache holds every other lesson.
  row(
    size,
    '`pshe check`, one lesson changed',
    run(['check', '--lessons', dir, '--today', '2024-01-01']),
    'the other lessons from the model cache',
  );
}

/** Run one of the other bench scripts in the same run, and keep what it printed. */
function subBench(script: string, missing: string): string {
  if (!existsSync(script)) return missing;
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const printed = `${result.stdout}${result.status ? result.stderr : ''}`.trim();
  console.log(printed);
  return printed;
}

const pdfBench = subBench('scripts/bench-pdf.ts', '(scripts/bench-pdf.ts not present)');
const docxBench = subBench('scripts/bench-docx.ts', '(scripts/bench-docx.ts not present)');
const browserBench = subBench('scripts/bench-browser.ts', '(scripts/bench-browser.ts not present)');

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const doc = `# Benchmarks

Measured with \`npm run bench\` (\`scripts/bench.ts\`) on ${new Date().toISOString().slice(0, 10)}: ${os.availableParallelism()} cores (${cpu}),
${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}. Each figure is one run of the command a user runs
(\`pshe check\` / \`pshe build\`) in a child process; wall time and peak RSS from GNU time. Libraries come from
\`scripts/generate-library.ts\`: realistic lessons of about 19 KB (2–3 cycles with slides and notes, every directive,
a table, quizzes, sources), 20 to a unit. Runs on this machine vary by ±20–30 %.

| lessons | what | wall time | peak RSS | notes |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

## PDFs: pdfkit against Chromium

\`npx node scripts/bench-pdf.ts\`:

\`\`\`
${pdfBench}
\`\`\`

## Word documents: docx against pdfkit

\`node scripts/bench-docx.ts\`:

\`\`\`
${docxBench}
\`\`\`

## A lesson's files made in the browser (/personalise/)

\`node scripts/bench-browser.ts\`: headless Chromium on the shipped library, from the click to the links.
Chromium's own CPU throttling reaches only pages, not the worker that does the work, so the slowed
figures stop and start the whole browser's processes instead (as cpulimit does), and say how much
slower a busy loop ran.

\`\`\`
${browserBench}
\`\`\`
`;
// Keep the hand-written reading of the figures (below the marker) across runs.
const marker = '<!-- analysis: kept by npm run bench -->';
const previous = existsSync('docs/benchmarks.md') ? readFileSync('docs/benchmarks.md', 'utf8') : '';
const analysis = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`;
writeFileSync('docs/benchmarks.md', `${doc}\n${analysis}`);
console.log('wrote docs/benchmarks.md');
