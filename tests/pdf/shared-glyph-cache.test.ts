import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { create } from 'fontkit';
import { dejaVuFonts } from '../../src/pdf/fonts.ts';
import { renderLessonPdfs, sharedGlyphCacheStats } from '../../src/pdf/index.ts';
import { fontkitSubsetMethods } from '../../src/pdf/shared-glyph-cache.ts';
import { exampleLesson, exampleLibrary } from './helpers.ts';

interface Subset {
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
interface SubsetFont {
  createSubset(): Subset;
  layout(text: string): { glyphs: { id: number; codePoints: number[] }[] };
  getGlyph(id: number): { _decode(): { numberOfContours: number } | null };
}

// Letters with accents (DejaVu draws many of them as compound glyphs), quotes, dashes and a ligature.
const TEXT = 'Ŵŷ ǺǻǼ Ḿḿ Ẁẁ Ẅẅ Ỳỳ ŉ Ǆǅ — “quoted” ‘single’ café naïve fi fl 0123456789 £€';

/** A DejaVu Sans of the test's own, so that nothing it does touches the fonts the renderer shares. */
function freshFont(face = 'DejaVuSans'): SubsetFont {
  const file = createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${face}.ttf`);
  dejaVuFonts(); // applies the patch
  return create(readFileSync(file)) as unknown as SubsetFont;
}

function encodeWith(font: SubsetFont, ids: number[]): Uint8Array {
  const subset = font.createSubset();
  for (const id of ids) subset.includeGlyph(id);
  return subset.encode();
}

describe('shared glyph cache (the fontkit TTFSubset patch)', () => {
  it('should write font subsets byte for byte as fontkit does, compound glyphs included, in every face', () => {
    dejaVuFonts(); // applies the patch
    const original = fontkitSubsetMethods();
    expect(original, 'the patch was not applied: has fontkit changed?').toBeDefined();
    for (const face of ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSans-BoldOblique']) {
      const font = freshFont(face);
      const ids = font.layout(TEXT).glyphs.map((glyph) => glyph.id);
      expect(ids.some((id) => (font.getGlyph(id)._decode()?.numberOfContours ?? 0) < 0)).toBe(true);
      const patched = encodeWith(font, ids);
      const again = encodeWith(font, ids);
      const prototype = Object.getPrototypeOf(font.createSubset()) as { _addGlyph: unknown; encode: unknown };
      const shared = { _addGlyph: prototype._addGlyph, encode: prototype.encode };
      Object.assign(prototype, original);
      let unpatched: Uint8Array;
      try {
        unpatched = encodeWith(font, ids);
      } finally {
        Object.assign(prototype, shared);
      }
      expect(Buffer.from(patched).equals(Buffer.from(unpatched)), face).toBe(true);
      expect(Buffer.from(again).equals(Buffer.from(unpatched)), face).toBe(true);
    }
  });

  it('should leave the letters inside accented letters in the text map (fontkit keeps the first glyph object it makes)', () => {
    const font = freshFont();
    // Subset only the accented letters: their parts (W, w, y) are first met by the subsetter.
    const accented = font.layout('Ŵŵŷ').glyphs;
    expect(accented.some((glyph) => (font.getGlyph(glyph.id)._decode()?.numberOfContours ?? 0) < 0)).toBe(true);
    encodeWith(
      font,
      accented.map((glyph) => glyph.id),
    );
    // Laid out afterwards, the plain letters still carry their characters, which pdfkit writes into ToUnicode.
    expect(font.layout('Wwy').glyphs.map((glyph) => glyph.codePoints)).toEqual([[0x57], [0x77], [0x79]]);
  });

  it('should answer a second document from the cache, and the fonts stay embedded and readable', async () => {
    const lesson = exampleLesson('who-can-help');
    await renderLessonPdfs(lesson, exampleLibrary());
    const before = sharedGlyphCacheStats();
    expect(before.patched).toBe(true);
    const { files } = await renderLessonPdfs(lesson, exampleLibrary());
    const after = sharedGlyphCacheStats();
    expect(after.misses).toBe(before.misses);
    expect(after.hits - before.hits).toBeGreaterThan(100);

    const handout = files.find((file) => file.name.endsWith('-handout.pdf'))!;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-glyphs-')), 'handout.pdf');
    writeFileSync(file, handout.bytes);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(lesson.title);
  });
});
