import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The `pshe` command, as `npx pshe` runs it. */
export const bin = path.resolve('bin/pshe.js');

/** Run `pshe` as a user would, in a child process (from `cwd`, the project folder by default). */
export function pshe(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', NO_COLOR: '1', ...env },
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `pshe` run from another working folder (its caches, under that folder's node_modules, are its own). */
export const psheIn = (cwd: string, args: string[], env: Record<string, string> = {}) => pshe(args, env, cwd);

/** A copy of the example library in a temporary folder, safe to edit. */
export function copyExampleLibrary(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-build-lib-'));
  cpSync('examples/library', dir, { recursive: true });
  return dir;
}

export function tempOut(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'pshe-build-out-')), 'dist');
}

/** Every file under a folder, relative path → sha256. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}
