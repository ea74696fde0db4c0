import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. V8 grows a heap freely while it has room and
 * rarely hands the room back, so the garbage one phase of a build leaves (the
 * YAML of the check, Astro's site build) would otherwise sit under the next
 * phase and raise the build's peak memory: on a cold 1,000-lesson build, a
 * collection at each change of phase lowers the peak by about 100 MB
 * (docs/benchmarks.md). Node has no API for it without `--expose-gc` on the
 * command line, so the flag is set here and the function taken from a fresh
 * context, the way Node's own tests do; where that fails, nothing happens.
 */
export function collectGarbage(): void {
  try {
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    }
    gc();
  } catch {
    gc = () => {};
  }
}

/** How much a heap may grow past what survived its last full collection, in per cent. */
export const HEAP_GROWING_PERCENT = 75;

/**
 * Let every heap of the build (the main thread's and the workers') grow by
 * at most three quarters of what survived its last full collection, instead
 * of V8's own factor of up to four. V8 grows a busy heap generously and keeps
 * the room; on a cold 1,000-lesson build that put the peak at 1.55–1.65 GB,
 * over the 1.5 GB budget, with most of it garbage awaiting collection. With
 * 75 % the peak is about 1.37 GB; 50 % gave 1.26 GB but cost 5–6 % more CPU
 * in garbage collection, which the 110 s budget could not spare
 * (docs/benchmarks.md, 2026-12-02 and 2026-12-02 again). A growth factor, not a heap limit, so a
 * large library is never stopped by running out of heap; V8 reads the flag at
 * each collection, so setting it at run time (before the workers start)
 * covers every thread. Where it cannot be set, nothing changes.
 */
export function limitHeapGrowth(percent: number = HEAP_GROWING_PERCENT): void {
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  } catch {
    // An embedder without the flag: V8's own growth.
  }
}
