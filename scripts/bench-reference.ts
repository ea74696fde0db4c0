// `npm run bench:reference`: the cold 1,000-lesson build against the code its
// 110 s budget was set beside, on this machine, in one run.
//
// Machines here differ up to 2.4 times between sessions and drift within one,
// so "110 s" cannot be checked in seconds. The budget was set when the code of
// 2026-11-26 (REFERENCE below) built 1,000 generated lessons cold in 103.98 s
// (`npm run bench`, docs/benchmarks.md). This script checks that commit out
// beside this one (a git worktree in .tmp/ with its own `npm ci`), builds the same
// generated library with each in turn, alternating which goes first, and gives
// the ratio of their wall times: the budget holds while
// ratio × 103.98 s ≤ 110 s, that is while the ratio is at most 1.058.
//   npm run bench:reference              # 4 pairs
//   PAIRS=6 npm run bench:reference
// It takes about 4 minutes a pair. Run nothing else meanwhile. Pairs alternate which code
// builds first, so an even number of them balances a machine that drifts during the run.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateLibrary } from './generate-library.ts';
import { median } from './median.ts';

const REFERENCE = { commit: '5554356602b49533564c4551cacb571b1a1cb294', seconds: 103.98, on: '2026-11-26' };
const short = REFERENCE.commit.slice(0, 7);
/** Seconds, and bytes (1.5 GB: 1.5 × 10⁹ bytes). */
const BUDGET = { seconds: 110, peakBytes: 1.5e9 };
const pairs = Number(process.env.PAIRS ?? 4);
if (!Number.isInteger(pairs) || pairs < 1) {
  process.stderr.write(`bench-reference: PAIRS must be a whole number of at least 1, not ${process.env.PAIRS}\n`);
  process.exit(2);
}
const library = path.resolve('.tmp/reference-library');
// In .tmp/, which the linters, the type check and the tests leave alone (not under node_modules,
// where Node will not strip a .ts file's types).
const referenceDir = path.resolve(`.tmp/reference-${short}`);
/** Written once the reference's `npm ci` has finished, so an interrupted install is done again. */
const installed = path.join(referenceDir, '.pshe-reference-installed');

interface Build {
  code: 'current' | 'reference';
  wall: number;
  user: number;
  /** Peak resident size in bytes (GNU time's kilobytes × 1024). */
  peakBytes: number;
}

function must(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(`bench-reference: \`${command} ${args.join(' ')}\` failed:\n${result.stderr}`);
    process.exit(1);
  }
}

/** The share of this machine's CPU time that was not idle over `ms`. */
async function busyShare(ms: number): Promise<number> {
  const total = () =>
    os.cpus().reduce(
      (sum, cpu) => {
        const times = Object.values(cpu.times).reduce((a, b) => a + b, 0);
        return { all: sum.all + times, idle: sum.idle + cpu.times.idle };
      },
      { all: 0, idle: 0 },
    );
  const before = total();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = total();
  return 1 - (after.idle - before.idle) / Math.max(1, after.all - before.all);
}

/** The commit checked out at `dir`, or nothing when it is not a checkout. */
function headOf(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const head = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  return head.status === 0 ? head.stdout.trim() : undefined;
}

function prepareReference(): void {
  // A clean checkout of the reference: one cut off, moved to another commit or edited is made again.
  const clean = spawnSync('git', ['-C', referenceDir, 'status', '--porcelain', '--untracked-files=no'], {
    encoding: 'utf8',
  });
  if (headOf(referenceDir) !== REFERENCE.commit || clean.status !== 0 || clean.stdout.trim() !== '') {
    const known = spawnSync('git', ['cat-file', '-e', `${REFERENCE.commit}^{commit}`]);
    if (known.status !== 0) {
      process.stderr.write(`bench-reference: ${short} is not in this clone (a shallow one? git fetch --unshallow)\n`);
      process.exit(1);
    }
    rmSync(referenceDir, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune']);
    must('git', ['worktree', 'add', '--detach', referenceDir, REFERENCE.commit], process.cwd());
  }
  // Its own dependencies, at the versions it was measured with.
  if (!existsSync(installed)) {
    must('npm', ['ci', '--no-audit', '--no-fund'], referenceDir);
    writeFileSync(installed, `${new Date().toISOString()}\n`);
  }
}

function build(code: Build['code']): Build {
  const root = code === 'current' ? process.cwd() : referenceDir;
  const out = path.resolve(`.tmp/reference-out-${code}`);
  rmSync(out, { recursive: true, force: true });
  const result = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'PSHE_TIME %e %U %M',
      process.execPath,
      'src/cli/run.ts',
      'build',
      '--lessons',
      library,
      '--out',
      out,
      '--no-cache',
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 64 * 1024 * 1024 },
  );
  rmSync(out, { recursive: true, force: true });
  const timing = /PSHE_TIME ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !timing) {
    process.stderr.write(`bench-reference: the ${code} build failed:\n${result.stderr.slice(-3000)}`);
    process.exit(1);
  }
  return { code, wall: Number(timing[1]), user: Number(timing[2]), peakBytes: Number(timing[3]) * 1024 };
}

if (!existsSync('/usr/bin/time')) {
  process.stderr.write('bench-reference: needs GNU time (/usr/bin/time) for the peak memory\n');
  process.exit(1);
}
// The load average lags by a minute; what the cores do over two seconds says whether something else runs now.
const busy = await busyShare(2000);
if (busy > 0.25) {
  process.stderr.write(
    `bench-reference: the machine is busy (${(busy * 100).toFixed(0)} % of its CPU); the ratio may be off\n`,
  );
}
prepareReference();
generateLibrary(1000, library);
// One check with each code first, so neither build meets a cold file cache or a cold Node.
for (const root of [process.cwd(), referenceDir])
  spawnSync(process.execPath, ['src/cli/run.ts', 'check', '--lessons', library, '--no-cache'], {
    cwd: root,
    stdio: 'ignore',
  });
const gb = (bytes: number) => (bytes / 1e9).toFixed(2);

console.log(`Reference: ${short}, ${REFERENCE.seconds} s cold on ${REFERENCE.on}'s machine (docs/benchmarks.md)`);
console.log('| pair | code | wall | user CPU | peak RSS |');
console.log('| --- | --- | --- | --- | --- |');
const ratios: number[] = [];
const peaks: number[] = [];
for (let pair = 1; pair <= pairs; pair++) {
  // Alternate which goes first: a machine that speeds up or slows down during the run favours neither.
  const order: Build['code'][] = pair % 2 ? ['current', 'reference'] : ['reference', 'current'];
  const builds = order.map((code) => {
    const made = build(code);
    console.log(
      `| ${pair} | ${code} | ${made.wall.toFixed(1)} s | ${made.user.toFixed(1)} s | ${gb(made.peakBytes)} GB |`,
    );
    return made;
  });
  const current = builds.find((b) => b.code === 'current')!;
  const reference = builds.find((b) => b.code === 'reference')!;
  ratios.push(current.wall / reference.wall);
  peaks.push(current.peakBytes);
}

const ratio = median(ratios);
const estimate = ratio * REFERENCE.seconds;
const range = (values: number[], digits: number) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
console.log(
  `\nCurrent / reference, wall time: median ${ratio.toFixed(3)} of ${pairs} ${pairs === 1 ? 'pair' : 'pairs'} (${range(ratios, 3)})`,
);
console.log(
  `On the reference machine: about ${estimate.toFixed(0)} s; goal ≤ ${BUDGET.seconds} s ` +
    `(ratio ≤ ${(BUDGET.seconds / REFERENCE.seconds).toFixed(3)}): ${estimate <= BUDGET.seconds ? 'met' : 'not met'}`,
);
console.log(
  `Peak memory of the current code: ${peaks.map(gb).join(', ')} GB (10⁹ bytes); ` +
    `goal ≤ ${gb(BUDGET.peakBytes)} GB: ${Math.max(...peaks) <= BUDGET.peakBytes ? 'met' : 'not met'}`,
);
