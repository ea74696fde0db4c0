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
