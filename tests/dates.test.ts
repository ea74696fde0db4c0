import { describe, expect, it } from 'vitest';
import { britishDate } from '../src/dates.ts';

describe('dates written the British way', () => {
  it.each([
    ['2027-11-26', '26 November 2027'],
    ['2026-01-01', '1 January 2026'],
    [' 2024-02-29 ', '29 February 2024'],
  ])('%s → %s', (iso, words) => {
    expect(britishDate(iso)).toBe(words);
  });

  it('should leave what is not a calendar date as it is', () => {
    for (const text of ['2027-13-01', '2027-11-32', 'soon', '26/11/2027', '']) expect(britishDate(text)).toBe(text);
  });
});
