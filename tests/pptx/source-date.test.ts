import { describe, expect, it } from 'vitest';
import { FIXED_DATE, sourceDate } from '../../src/pptx/index.ts';

describe('sourceDate', () => {
  it('should use SOURCE_DATE_EPOCH when it is a whole number of seconds', () => {
    expect(sourceDate({ SOURCE_DATE_EPOCH: '1767312000' }).toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });

  it('should fall back to 2026-01-01 when it is unset, malformed or outside what a zip can store', () => {
    expect(FIXED_DATE.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    for (const value of [undefined, '', 'yesterday', '-5', '1.5', '0']) {
      expect(sourceDate({ SOURCE_DATE_EPOCH: value })).toEqual(FIXED_DATE);
    }
  });
});
