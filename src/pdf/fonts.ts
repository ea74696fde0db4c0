import type { Font } from 'fontkit';
import { dejaVuFace } from '../fonts/dejavu.ts';
import { applySharedGlyphCache } from './shared-glyph-cache.ts';
import type { Doc, Face } from './types.ts';

/** The registered pdfkit name of each face. */
export const faceNames: Record<Face, string> = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  italic: 'DejaVuSans-Oblique',
  boldItalic: 'DejaVuSans-BoldOblique',
};

let parsed: Record<Face, Font> | undefined;

/**
 * The four DejaVu Sans faces, parsed once per process (or worker thread) with
 * fontkit's `create()` (src/fonts/dejavu.ts, shared with the loader's glyph
 * check). Parsing a 700 KB TTF per document cost 30–60 ms; pdfkit 0.20
 * accepts the parsed `Font` in `registerFont`.
 */
export function dejaVuFonts(): Record<Face, Font> {
  if (!parsed) {
    parsed = {
      regular: dejaVuFace('regular'),
      bold: dejaVuFace('bold'),
      italic: dejaVuFace('italic'),
      boldItalic: dejaVuFace('boldItalic'),
    };
    applySharedGlyphCache(parsed.regular);
  }
  return parsed;
}

/**
 * Register the four faces on a document. The family argument is the same name,
 * so that pdfkit's table code, which switches back to `doc._fontSource` (the
 * Font object) with `_fontFamily`, finds the cached embedded font by name
 * instead of embedding the face a second time.
 */
export function registerFonts(doc: Doc): void {
  const fonts = dejaVuFonts();
  for (const face of Object.keys(faceNames) as Face[]) {
    (doc.registerFont as (name: string, src: unknown, family: string) => Doc)(
      faceNames[face],
      fonts[face],
      faceNames[face],
    );
  }
  doc.font(faceNames.regular);
}

/** Switch face and size. */
export function useFace(doc: Doc, face: Face, size: number): Doc {
  return doc.font(faceNames[face]).fontSize(size);
}
