import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/colour.ts';
import type { School } from '../../src/lesson/types.ts';
import { schoolStylesheet } from '../../src/site/lib/school-style.ts';

const school = (accentColour?: string) =>
  ({ name: 'Example Academy', dslName: 'Ms Patel', dslContact: 'Room 12', accentColour }) as School;
const value = (css: string, name: string) => new RegExp(`--${name}: (#[0-9a-f]{6});`).exec(css)?.[1];

describe('schoolStylesheet', () => {
  it("should leave site.css's colours alone without a school or an accent colour", () => {
    expect(schoolStylesheet(undefined)).not.toContain('--accent');
    expect(schoolStylesheet(school())).not.toContain('--accent');
  });

  it('should keep a dark brand colour as it is', () => {
    expect(value(schoolStylesheet(school('#1D4ED8')), 'accent')).toBe('#1d4ed8');
  });

  it('should darken a pale brand colour until text in it, and white text on it, reads on every background', () => {
    for (const brand of ['#ffcc00', '#7fffd4', '#ffc0cb', '#ffffff']) {
      const css = schoolStylesheet(school(brand));
      const accent = value(css, 'accent')!;
      const soft = value(css, 'accent-soft')!;
      expect(css).toContain('darkened');
      for (const background of ['#fbfaf7', '#ffffff', soft]) {
        expect(contrastRatio(accent, background), `${brand} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(value(css, 'deck-accent')).toBe(accent);
    }
  });
});
