import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/pool/collect-garbage.ts';

describe('collectGarbage (between the phases of a build)', () => {
  it('should free what a phase left behind, at once', () => {
    let garbage: string[][] | undefined = Array.from({ length: 200 }, (_, i) =>
      Array.from({ length: 1_000 }, (_, j) => `${i}-${j}-left behind by a phase`),
    );
    const before = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(200);
    garbage = undefined;
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    // 200,000 strings and their arrays are well over 10 MB.
    expect(before - after).toBeGreaterThan(10 * 1024 * 1024);
    expect(garbage).toBeUndefined();
  });
});
