import { describe, expect, it } from 'vitest';
import { contrastRatio, DEFAULT_ACCENT, readableOnWhite, themeFor } from '../../src/pptx/index.ts';

describe('contrast', () => {
  it('should measure WCAG contrast ratios', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('FFFFFF', 'FFFFFF')).toBeCloseTo(1, 5);
    expect(contrastRatio('767676', 'FFFFFF')).toBeCloseTo(4.54, 2);
  });

  it('should keep a dark accent and darken a light one until white text on it passes AA', () => {
    expect(readableOnWhite('1D4ED8')).toBe('1D4ED8');
    const yellow = readableOnWhite('FFDD00');
    expect(yellow).not.toBe('FFDD00');
    expect(contrastRatio(yellow, 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
  });

  it('should fall back to the default accent when none, or a malformed one, is given', () => {
    expect(themeFor(undefined).accent).toBe(DEFAULT_ACCENT);
    expect(themeFor('blue').accent).toBe(DEFAULT_ACCENT);
    expect(themeFor('#1d4ed8').accent).toBe('1D4ED8');
    const theme = themeFor('#1d4ed8');
    expect(contrastRatio(theme.text, 'FFFFFF')).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(theme.muted, 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(theme.text, theme.tint)).toBeGreaterThanOrEqual(4.5);
  });
});
