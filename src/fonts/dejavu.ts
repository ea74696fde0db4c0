import { create } from 'fontkit';
import { readAsset } from '#assets';
import type { Font } from 'fontkit';

/**
 * The font files the PDFs embed (DejaVu Sans, from the `dejavu-fonts-ttf`
 * package), read and parsed once per process or worker thread. The PDF
 * renderer registers them (src/pdf/fonts.ts); the loader's `glyph-missing`
 * check reads which characters they cover (coverage.ts). Neither imports
 * the other.
 */
export const dejaVuFiles = {
  regular: 'fonts/DejaVuSans.ttf',
  bold: 'fonts/DejaVuSans-Bold.ttf',
  italic: 'fonts/DejaVuSans-Oblique.ttf',
  boldItalic: 'fonts/DejaVuSans-BoldOblique.ttf',
} as const;

export type DejaVuFace = keyof typeof dejaVuFiles;

const parsed = new Map<DejaVuFace, Font>();

/** One DejaVu Sans face, parsed with fontkit's `create()` the first time it is asked for. */
export function dejaVuFace(face: DejaVuFace): Font {
  let font = parsed.get(face);
  if (!font) {
    const file = dejaVuFiles[face];
    // In Node the bytes are a Buffer (read from disk), which fontkit's Node build wants; its browser build takes any bytes.
    const created = create(readAsset(file) as Buffer);
    if (!('layout' in created)) throw new Error(`${file} is a font collection, expected one font`);
    font = created;
    parsed.set(face, font);
  }
  return font;
}
