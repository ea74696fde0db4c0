import { dejaVuFace } from './dejavu.ts';

let covered: ReadonlySet<number> | undefined;

/**
 * The code points the PDFs' fonts can draw: the regular face's character set
 * (the bold and oblique faces cover a subset of it). Built once per process
 * or worker thread, from the font's cmap (about 10 ms).
 */
export function pdfCoverage(): ReadonlySet<number> {
  covered ??= new Set(dejaVuFace('regular').characterSet);
  return covered;
}

/**
 * Every character up to U+024F (Latin, Latin-1 and Latin Extended A and B)
 * is in the fonts (tests/lesson/glyph-missing.test.ts checks it), so text
 * made only of those needs no look-up, and no font is read for it.
 */
export const ALWAYS_COVERED_BELOW = 0x250;

/** The characters of `text` the PDFs' fonts cannot draw, each once, with the offset of its first use. */
export function missingGlyphs(text: string): { char: string; codePoint: number; offset: number }[] {
  let index = 0;
  while (index < text.length && text.charCodeAt(index) < ALWAYS_COVERED_BELOW) index++;
  if (index === text.length) return [];
  const set = pdfCoverage();
  const seen = new Set<number>();
  const out: { char: string; codePoint: number; offset: number }[] = [];
  for (; index < text.length; index++) {
    const code = text.codePointAt(index) as number;
    if (code >= 0x10000) index++;
    if (code < ALWAYS_COVERED_BELOW || set.has(code) || seen.has(code)) continue;
    // Line breaks, tabs and the invisible joiners and selectors are not drawn as glyphs.
    if (code < 0x20 || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef))
      continue;
    seen.add(code);
    out.push({ char: String.fromCodePoint(code), codePoint: code, offset: code >= 0x10000 ? index - 1 : index });
  }
  return out;
}
