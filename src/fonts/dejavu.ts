import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create } from 'fontkit';
import type { Font } from 'fontkit';

/**
 * The font files the PDFs embed (DejaVu Sans, from the `dejavu-fonts-ttf`
 * package), read and parsed once per process or worker thread. The PDF
 * renderer registers them (src/pdf/fonts.ts); the loader's `glyph-missing`
 * check reads which characters they cover (coverage.ts). Neither imports
 * the other.
 */
export const dejaVuFiles = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
} as const;

export type DejaVuFace = keyof typeof dejaVuFiles;

const require = createRequire(import.meta.url);
const parsed = new Map<DejaVuFace, Font>();

/** One DejaVu Sans face, parsed with fontkit's `create()` the first time it is asked for. */
export function dejaVuFace(face: DejaVuFace): Font {
  let font = parsed.get(face);
  if (!font) {
    const file = dejaVuFiles[face];
    const created = create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
    if (!('layout' in created)) throw new Error(`dejavu-fonts-ttf/ttf/${file} is a font collection, expected one font`);
    font = created;
    parsed.set(face, font);
  }
  return font;
}
