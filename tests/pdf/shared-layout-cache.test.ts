import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerFonts } from '../../src/pdf/fonts.ts';
import { applySharedLayoutCache, pdfkitLayout } from '../../src/pdf/shared-layout-cache.ts';
import { renderLessonPdfs, sharedLayoutCacheStats } from '../../src/pdf/index.ts';
import { exampleLesson, exampleLibrary } from './helpers.ts';

describe('shared layout cache (the pdfkit 0.20.2 patch)', () => {
  it("should find pdfkit's EmbeddedFont with the methods the patch replaces and calls", () => {
    const doc = new PDFDocument({ font: null as unknown as string, autoFirstPage: false });
    registerFonts(doc);
    const font = (doc as unknown as { _font: object })._font;
    const prototype = Object.getPrototypeOf(font) as Record<string, unknown>;
    expect(prototype.constructor.name).toBe('EmbeddedFont');
    expect(typeof prototype.layoutCached).toBe('function');
    expect(typeof prototype.layoutRun).toBe('function');
    expect((font as { layoutCache?: object }).layoutCache).toBeDefined();
  });

  it('should be applied once a document is made, and answer a second document from the cache', async () => {
    const lesson = exampleLesson('who-can-help');
    await renderLessonPdfs(lesson, exampleLibrary());
    const afterFirst = sharedLayoutCacheStats();
    expect(afterFirst.patched).toBe(true);
    await renderLessonPdfs(lesson, exampleLibrary());
    const afterSecond = sharedLayoutCacheStats();
    // Every word of the second render was shaped during the first: no new shaping, many hits.
    expect(afterSecond.misses).toBe(afterFirst.misses);
    expect(afterSecond.hits - afterFirst.hits).toBeGreaterThan(500);
  });
});

describe("the shared layout (pdfkit's layout without its per-word concat)", () => {
  it('should give the same glyphs, positions and width as pdfkit for any spacing', () => {
    const doc = new PDFDocument({ font: null as unknown as string, autoFirstPage: false });
    registerFonts(doc);
    applySharedLayoutCache(doc);
    const font = (doc as unknown as { _font: { layout: (...args: unknown[]) => unknown } })._font;
    const original = pdfkitLayout();
    expect(original, 'the patch was not applied: has pdfkit changed?').toBeTypeOf('function');
    const texts = [
      '',
      ' ',
      'word',
      'Two words',
      '  leading and trailing  ',
      'tabs\tand  double  spaces',
      'Café — “quoted” text, with punctuation; and numbers 0123.',
      'Ŵŷ ǺǻǼ fi fl',
    ];
    const summary = (result: unknown) => {
      const { glyphs, positions, advanceWidth } = result as {
        glyphs: { id: number }[] | null;
        positions: object[] | null;
        advanceWidth: number;
      };
      return { ids: glyphs?.map((glyph) => glyph.id) ?? null, positions, advanceWidth };
    };
    for (const text of texts) {
      for (const onlyWidth of [false, true]) {
        expect(summary(font.layout(text, undefined, onlyWidth)), JSON.stringify(text)).toEqual(
          summary(original!.call(font as never, text, undefined, onlyWidth)),
        );
      }
    }
  });
});
