import { missingGlyphs } from '../fonts/coverage.ts';

/**
 * Why a character's new name cannot be printed, or undefined when it can:
 * the first letter the PDFs' font has no glyph for. One wording for
 * `pshe build --rename` and the personalise page's worker (which has the
 * fonts; the page itself does not load them).
 */
export function nameGlyphProblem(name: string): string | undefined {
  const [glyph] = missingGlyphs(name);
  if (!glyph) return undefined;
  const code = `U+${glyph.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return `the PDFs' font cannot draw "${glyph.char}" (${code}) in the new name. Choose a name written with other letters`;
}
