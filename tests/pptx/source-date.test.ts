import { describe, expect, it } from 'vitest';
import { creationDate } from '../../src/pdf/index.ts';
import { FIXED_DATE, sourceDate } from '../../src/pptx/index.ts';
import * as shared from '../../src/source-date.ts';

describe('sourceDate', () => {
  it('should be the one function every renderer dates its files with', () => {
    expect(sourceDate).toBe(shared.sourceDate);
    expect(creationDate).toBe(shared.sourceDate);
    expect(FIXED_DATE).toBe(shared.FIXED_DATE);
  });

  it('should use SOURCE_DATE_EPOCH when it is a whole number of seconds, 0 included', () => {
    expect(sourceDate({ SOURCE_DATE_EPOCH: '1767312000' }).toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(sourceDate({ SOURCE_DATE_EPOCH: ' 0 ' }).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(sourceDate({ SOURCE_DATE_EPOCH: '253402300799' }).toISOString()).toBe('9999-12-31T23:59:59.000Z');
  });

  it('should fall back to 2026-01-01 when it is unset, malformed or past year 9999', () => {
    expect(FIXED_DATE.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    for (const value of [undefined, '', 'yesterday', '-5', '1.5', '1e9', '253402300800']) {
      expect(sourceDate({ SOURCE_DATE_EPOCH: value })).toEqual(FIXED_DATE);
    }
  });

  it('should hand out a fresh date, so no caller can move the fixed one', () => {
    sourceDate({}).setUTCFullYear(1999);
    expect(sourceDate({}).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('zipDate', () => {
  it("should clamp to what a zip entry's MS-DOS date can hold, 1980 to 2107", () => {
    expect(shared.zipDate(new Date(0)).toISOString()).toBe('1980-01-01T00:00:00.000Z');
    expect(shared.zipDate(new Date('2200-01-01T00:00:00Z')).toISOString()).toBe('2107-12-31T23:59:58.000Z');
    const inRange = new Date('2026-03-04T05:06:08Z');
    expect(shared.zipDate(inRange)).toBe(inRange);
  });
});
