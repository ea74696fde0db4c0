import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a build waits for another build's site phase before giving up. */
const WAIT_MS = 10 * 60_000;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Run Astro's build while holding a lock that other `pshe build`s in the same
 * working folder respect. Astro keeps the server build it renders pages from
 * in `<working folder>/.astro/.prerender` whenever the output folder lies
 * outside the working folder, and deletes it when done: two builds at once
 * would delete each other's. Astro has no setting for that folder, so the
 * site phases take turns (a few seconds each); a lock left by a build that
 * was killed is taken over.
 */
export async function withSiteLock<T>(run: () => Promise<T>): Promise<T> {
  const lock = path.join(process.cwd(), '.astro', '.pshe-site-lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = 0;
      try {
        holder = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // Just made, its pid not written yet; or left half-made by a killed build (judged by its age).
      }
      const made = statSync(lock, { throwIfNoEntry: false });
      const stale = holder ? !alive(holder) : !made || Date.now() - made.mtimeMs > 5_000;
      if (stale) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() - started > WAIT_MS) {
        throw new Error(`another PSHE Kit build (process ${holder}) has been building its site for over 10 minutes`, {
          cause: error,
        });
      } else await sleep(100);
    }
  }
  try {
    return await run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
