import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { srcDir } from '../code-version.ts';
import { isInside } from '../library-file.ts';

/**
 * The file every `pshe build` output holds. A folder with it may be replaced
 * by the next build; any other folder that is not empty never is.
 */
export const OUTPUT_MARKER = '.pshe-kit-output';

/** PSHE Kit's own folder (the one holding its package.json). */
export const projectRoot = path.dirname(srcDir);

function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The marker's content: one short JSON line. */
export function markerText(): string {
  return `${JSON.stringify({ tool: 'pshe-kit', version: toolVersion() })}\n`;
}

/** Whether `dir` (a real folder, not a link) holds the marker written by a previous build. */
export function isPreviousOutput(dir: string): boolean {
  try {
    const marker = path.join(dir, OUTPUT_MARKER);
    if (!lstatSync(marker).isFile()) return false;
    const data = JSON.parse(readFileSync(marker, 'utf8')) as { tool?: unknown };
    return data.tool === 'pshe-kit';
  } catch {
    return false;
  }
}

/**
 * The absolute path with every existing part resolved through symbolic links:
 * realpath of the path when it exists, else of its nearest existing parent,
 * with the rest appended.
 */
export function realPath(file: string): string {
  const absolute = path.resolve(file);
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}

/** Whether `inner` is `outer` or lies inside it (both real, absolute paths). */
const within = (inner: string, outer: string) => isInside(outer, inner);

export interface OutFolderInputs {
  /** `--out` as given. */
  out: string;
  /** The library folder (`--lessons`). */
  library: string;
  /** The school profile (`--school FILE`, or `<library>/school.yaml`). */
  schoolFile: string;
  /** Defaults: PSHE Kit's folder and the working folder. */
  projectRoot?: string;
  cwd?: string;
}

export type OutFolderVerdict = { ok: true; out: string } | { ok: false; reason: string };

/**
 * Decide whether `--out` may be replaced by a build. The build replaces the
 * whole folder, so it refuses one that is, contains or lies inside the
 * library; that is or contains PSHE Kit's folder, the working folder or the
 * school profile's folder; that is a file or a symbolic link; or that holds
 * anything and is not a previous PSHE Kit output (no marker). A missing or
 * empty folder is fine. `out` in the verdict is the real path to write to.
 */
export function checkOutFolder(inputs: OutFolderInputs): OutFolderVerdict {
  const given = path.resolve(inputs.out);
  let link = false;
  let kind: 'missing' | 'folder' | 'other' = 'missing';
  try {
    const stat = lstatSync(given);
    link = stat.isSymbolicLink();
    kind = stat.isDirectory() ? 'folder' : 'other';
  } catch {
    // Missing: only its parents are resolved.
  }
  if (link) {
    return {
      ok: false,
      reason: `${given} is a symbolic link; the build would replace the link, not the folder it points to. Pass the folder itself, or a new folder.`,
    };
  }
  if (kind === 'other') return { ok: false, reason: `${given} is a file, not a folder. Pass a new or empty folder.` };
  const out = realPath(given);
  const guarded: { what: string; dir: string; inside: boolean }[] = [
    { what: 'the library folder', dir: realPath(inputs.library), inside: true },
    { what: "PSHE Kit's own folder", dir: realPath(inputs.projectRoot ?? projectRoot), inside: false },
    { what: 'the working folder', dir: realPath(inputs.cwd ?? process.cwd()), inside: false },
    { what: "the school profile's folder", dir: path.dirname(realPath(inputs.schoolFile)), inside: false },
  ];
  for (const { what, dir, inside } of guarded) {
    const same = out === dir;
    if (same || within(dir, out) || (inside && within(out, dir))) {
      const relation = same ? 'is' : within(dir, out) ? 'contains' : 'lies inside';
      return {
        ok: false,
        reason: `${given} ${relation} ${what}${same ? '' : ` (${dir})`}; a build replaces its whole output folder, so it could delete your files. Pass another folder, such as dist.`,
      };
    }
  }
  if (kind === 'folder' && readdirSync(out).length > 0 && !isPreviousOutput(out)) {
    return {
      ok: false,
      reason: `${given} is not empty and is not a previous PSHE Kit output (it has no ${OUTPUT_MARKER}); the build would delete what is in it. Pass a new or empty folder, or remove this one yourself.`,
    };
  }
  return { ok: true, out };
}

/** The temporary folders a build keeps beside `out` (see src/cli/commands/build.ts), by the pid that made them. */
function leftoverPattern(out: string): RegExp {
  const name = path.basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${name}\\.pshe-(tmp|old)-([1-9][0-9]{0,9})(-downloads|-astro-cache)?$`);
}

/** Whether a process with this id is running (EPERM: it is, under another user). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Remove what builds killed outright (SIGKILL, a power cut) left beside
 * `out`: only names of exactly the build's own pattern, and only when their
 * process is no longer running. A killed build's `.pshe-old-<pid>` is the
 * last good output moved aside; when `out` is missing it is put back first.
 */
export function removeLeftovers(out: string): string[] {
  const parent = path.dirname(out);
  const pattern = leftoverPattern(out);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const match = pattern.exec(name);
    if (!match) continue;
    const [, kind, pid, suffix] = match;
    if (kind === 'old' && suffix) continue;
    if (isRunning(Number(pid))) continue;
    const file = path.join(parent, name);
    if (kind === 'old' && !existsSync(out) && !lstatSync(file).isSymbolicLink() && isPreviousOutput(file)) {
      renameSync(file, out);
      continue;
    }
    rmSync(file, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
