import { deflateSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { create } from 'fontkit';
import PDFDocument from 'pdfkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dejaVuFonts, faceNames, registerFonts } from '../../src/pdf/fonts.ts';
import { renderLessonPdfs, sharedGlyphCacheStats, sharedLayoutCacheStats } from '../../src/pdf/index.ts';
import {
  applySharedGlyphCache,
  applySharedLayoutCache,
  checkRequiredInternals,
  contentMark,
  directOutputPatched,
  directOutputPatch,
  documentWaiting,
  drawBehind,
  forceFallback,
  glyphCachePatch,
  fontkitSubsetMethods,
  installedVersions,
  lastRowBottom,
  layoutCachePatch,
  mayPatch,
  mismatch,
  openImage,
  patchContentStreams,
  pdfkitLayout,
  recordDrawing,
  repeatDrawingPatch,
  replayDrawing,
  replayedDrawings,
  removeDirectOutput,
  removeSharedGlyphCache,
  removeSharedLayoutCache,
  setDirectOutput,
  setStreamDeflater,
  setWarn,
  startNextRowAt,
  writeDirectly,
  type InstalledVersions,
} from '../../src/pdf/pdfkit-internals/index.ts';
import { png } from '../helpers/png.ts';
import { poppler } from './helpers.ts';

const pdfText = (bytes: Uint8Array) => poppler('pdftotext', bytes);
import { exampleLesson, exampleLibrary } from './helpers.ts';

/** The versions every patch here was written and tested for: the test fails first if one changes. */
const TESTED: InstalledVersions = { pdfkit: '0.20.2', fontkit: '2.0.4', 'png-js': '2.0.0' };
/** What a newer install would look like. */
const NEWER: InstalledVersions = { pdfkit: '0.21.0', fontkit: '2.1.0', 'png-js': '2.0.1' };

let warnings: string[] = [];
let previousWarn: ((line: string) => void) | undefined;
beforeEach(() => {
  warnings = [];
  previousWarn = setWarn((line) => warnings.push(line));
});
afterEach(() => {
  setWarn(previousWarn!);
  setDirectOutput(true);
});

const newDoc = (options: PDFKit.PDFDocumentOptions = {}) => {
  const doc = new PDFDocument({ font: null as unknown as string, autoFirstPage: false, ...options });
  registerFonts(doc);
  return doc;
};

/** pdfkit's own deflate: Node's zlib at its default level. */
const pdfkitDeflate = (bytes: Uint8Array) => deflateSync(bytes, { level: 6 });

describe('the version guard', () => {
  it('should read the installed versions from the packages themselves, and they are the tested ones', () => {
    expect(installedVersions()).toMatchObject(TESTED);
  });

  it('should name the package, the installed and the tested version on a mismatch, and warn once per patch', () => {
    const patch = { name: 'a patch', without: 'slower', tested: { pdfkit: ['0.20.2'] } };
    expect(mismatch(patch, TESTED)).toBeUndefined();
    expect(mismatch(patch, NEWER)).toBe('pdfkit 0.21.0 is installed; a patch was written and tested for pdfkit 0.20.2');
    expect(mismatch(patch, {})).toMatch(/pdfkit \(not found\) is installed/);
    expect(mayPatch(patch, NEWER)).toBe(false);
    expect(mayPatch(patch, NEWER)).toBe(false);
    expect(warnings).toEqual([
      'pshe: pdfkit 0.21.0 is installed; a patch was written and tested for pdfkit 0.20.2, so it is left out (slower).',
    ]);
    expect(mayPatch(patch, TESTED)).toBe(true);
  });

  it('should stop at the first document, naming the versions, when a patch with no fallback does not match', () => {
    expect(() => checkRequiredInternals(TESTED)).not.toThrow();
    expect(() => checkRequiredInternals({ ...TESTED, pdfkit: '0.21.0' })).toThrow(
      /pdfkit 0\.21\.0 is installed; drawing behind content .* tested for pdfkit 0\.20\.2, and there is no safe way round it/,
    );
    expect(() => checkRequiredInternals({ ...TESTED, 'png-js': '2.0.1' })).toThrow(
      /png-js 2\.0\.1 is installed; opened images .* tested for png-js 2\.0\.0/,
    );
  });
});

describe('every patch with a fallback together: the same bytes as pdfkit and fontkit alone', () => {
  it('should write every PDF of a lesson byte for byte as unpatched pdfkit and fontkit do', async () => {
    const library = exampleLibrary();
    for (const id of ['who-can-help', 'spotting-online-scams']) {
      const lesson = exampleLesson(id);
      // With pdfkit's own deflate (Node's zlib at level 6): ours is compared below, by what it holds.
      setStreamDeflater(pdfkitDeflate);
      const replays = replayedDrawings();
      const patched = await renderLessonPdfs(lesson, library).finally(() => setStreamDeflater());
      // Every page after a document's first writes its footer again from the first's.
      expect(replayedDrawings()).toBeGreaterThan(replays);
      expect(sharedLayoutCacheStats().patched && sharedGlyphCacheStats().patched && directOutputPatched()).toBe(true);
      removeSharedLayoutCache();
      removeSharedGlyphCache();
      removeDirectOutput();
      forceFallback([layoutCachePatch, glyphCachePatch, directOutputPatch, repeatDrawingPatch]);
      let plain: Awaited<ReturnType<typeof renderLessonPdfs>>;
      try {
        plain = await renderLessonPdfs(lesson, library);
        expect(sharedLayoutCacheStats().patched || sharedGlyphCacheStats().patched || directOutputPatched()).toBe(
          false,
        );
      } finally {
        forceFallback([]);
        applySharedGlyphCache(dejaVuFonts().regular);
      }
      expect(patched.files.map((file) => file.name)).toEqual(plain.files.map((file) => file.name));
      expect(patched.files.length).toBeGreaterThanOrEqual(5);
      patched.files.forEach((file, index) => {
        expect(Buffer.from(file.bytes).equals(Buffer.from(plain.files[index].bytes)), file.name).toBe(true);
      });
    }
  });
});

describe('the shared layout cache (pdfkit EmbeddedFont.layout, pdfkit 0.20.2)', () => {
  it("should find pdfkit's EmbeddedFont with the methods the patch replaces and calls", () => {
    const doc = newDoc();
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

  it('should give the same glyphs, positions and width as pdfkit for any spacing', () => {
    const doc = newDoc();
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

  it("should leave pdfkit's own layout in place, with one warning, on a pdfkit it was not tested for", () => {
    const doc = newDoc();
    const prototype = Object.getPrototypeOf((doc as unknown as { _font: object })._font) as { layout: unknown };
    applySharedLayoutCache(doc);
    const patchedLayout = prototype.layout;
    removeSharedLayoutCache();
    const own = prototype.layout;
    expect(own).not.toBe(patchedLayout);
    try {
      expect(applySharedLayoutCache(doc, NEWER)).toBe(false);
      expect(applySharedLayoutCache(newDoc(), NEWER)).toBe(false);
      expect(prototype.layout).toBe(own);
      expect(sharedLayoutCacheStats().patched).toBe(false);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^pshe: pdfkit 0\.21\.0 is installed; the shared layout cache .* 0\.20\.2, so it is left out/,
      );
    } finally {
      expect(applySharedLayoutCache(doc)).toBe(true);
    }
  });
});

// Letters with accents (DejaVu draws many of them as compound glyphs), quotes, dashes and a ligature.
const TEXT = 'Ŵŷ ǺǻǼ Ḿḿ Ẁẁ Ẅẅ Ỳỳ ŉ Ǆǅ — “quoted” ‘single’ café naïve fi fl 0123456789 £€';

interface Subset {
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
interface SubsetFont {
  createSubset(): Subset;
  layout(text: string): { glyphs: { id: number; codePoints: number[] }[] };
  getGlyph(id: number): { _decode(): { numberOfContours: number } | null };
}

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

describe('the shared glyph cache (fontkit TTFSubset, fontkit 2.0.4)', () => {
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

  it("should leave fontkit's own subsetter in place, with one warning, on a fontkit it was not tested for", () => {
    const font = dejaVuFonts().regular;
    const prototype = Object.getPrototypeOf(freshFont().createSubset()) as { encode: unknown };
    removeSharedGlyphCache();
    const own = prototype.encode;
    try {
      expect(applySharedGlyphCache(font, NEWER)).toBe(false);
      expect(prototype.encode).toBe(own);
      expect(sharedGlyphCacheStats().patched).toBe(false);
      expect(warnings).toEqual([expect.stringMatching(/^pshe: fontkit 2\.1\.0 is installed; the shared glyph cache/)]);
    } finally {
      expect(applySharedGlyphCache(font)).toBe(true);
    }
    expect(prototype.encode).not.toBe(own);
  });
});

describe("direct output (pdfkit's strings turned into bytes once, pdfkit 0.20.2)", () => {
  it('should write every PDF of a lesson byte for byte as pdfkit does', async () => {
    const library = exampleLibrary();
    for (const id of ['who-can-help', 'spotting-online-scams']) {
      const lesson = exampleLesson(id);
      setStreamDeflater(pdfkitDeflate);
      const direct = await renderLessonPdfs(lesson, library).finally(() => setStreamDeflater());
      expect(directOutputPatched(), 'the patch was not applied: has pdfkit changed?').toBe(true);
      setDirectOutput(false);
      const usual = await renderLessonPdfs(lesson, library);
      setDirectOutput(true);
      expect(direct.files.map((file) => file.name)).toEqual(usual.files.map((file) => file.name));
      expect(direct.files.length).toBeGreaterThanOrEqual(5);
      direct.files.forEach((file, index) => {
        expect(Buffer.from(file.bytes).equals(Buffer.from(usual.files[index].bytes)), file.name).toBe(true);
      });
    }
  });

  it('should deflate streams with libdeflate into PDFs that read back as pdfkit’s own do, and no larger', async () => {
    const library = exampleLibrary();
    const lesson = exampleLesson('spotting-online-scams');
    const ours = await renderLessonPdfs(lesson, library);
    setStreamDeflater(pdfkitDeflate);
    const usual = await renderLessonPdfs(lesson, library).finally(() => setStreamDeflater());
    ours.files.forEach((file, index) => {
      expect(Buffer.from(file.bytes).equals(Buffer.from(usual.files[index].bytes)), file.name).toBe(false);
      expect(pdfText(file.bytes), file.name).toBe(pdfText(usual.files[index].bytes));
      // libdeflate at level 2 packs about as tightly as zlib at 6: a few per cent either way.
      expect(file.bytes.length, file.name).toBeLessThan(usual.files[index].bytes.length * 1.1);
    });
  });

  it('should write the usual way, with one warning, on a pdfkit it was not tested for', () => {
    const doc = newDoc();
    const write = (doc as unknown as { _write: unknown })._write;
    removeDirectOutput();
    try {
      expect(writeDirectly(doc, NEWER)).toBe(false);
      expect((doc as unknown as { _write: unknown })._write).toBe(write);
      doc.addPage();
      expect(patchContentStreams(doc, NEWER)).toBe(false);
      expect(directOutputPatched()).toBe(false);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^pshe: pdfkit 0\.21\.0 is installed; direct output/);
    } finally {
      expect(patchContentStreams(doc)).toBe(true);
    }
  });
});

/** End a document and give the whole file as text (latin1: one character a byte). */
async function endedFile(doc: PDFKit.PDFDocument): Promise<string> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.end();
  await done;
  return Buffer.concat(chunks).toString('latin1');
}

/** A one-page document's content stream, uncompressed. */
async function pageStream(draw: (doc: PDFKit.PDFDocument) => void): Promise<string> {
  const doc = newDoc({ compress: false });
  doc.addPage();
  draw(doc);
  const file = await endedFile(doc);
  const match = /\/Length \d+\s*>>\s*stream\n([\s\S]*?)\nendstream/.exec(file.slice(file.indexOf('/Contents')));
  expect(match).not.toBeNull();
  return match![1];
}

/** Each page's content stream and resources of a document (uncompressed), in page order. */
async function pages(draw: (doc: PDFKit.PDFDocument) => void): Promise<{ content: string; resources: string }[]> {
  const doc = newDoc({ compress: false, bufferPages: true });
  draw(doc);
  const file = await endedFile(doc);
  const objects = new Map(
    [...file.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)\nendobj/g)].map((match) => [match[1], match[2]]),
  );
  const object = (body: string, key: string) => objects.get(new RegExp(`/${key} (\\d+) 0 R`).exec(body)![1])!;
  return [...objects.values()]
    .filter((body) => /\/Type \/Page\n/.test(body))
    .map((body) => ({ content: object(body, 'Contents'), resources: object(body, 'Resources') }));
}

describe("drawing repeated on each page (pdfkit's addContent and page resources, pdfkit 0.20.2)", () => {
  /** Each page's own body (other fonts on each), then a footer of two faces and a rule on every page. */
  const document = (repeat: boolean) => (doc: PDFKit.PDFDocument) => {
    let recording: ReturnType<typeof recordDrawing>;
    for (const face of [faceNames.bold, faceNames.regular, faceNames.bold]) {
      doc.addPage();
      doc.font(face).text(`Body in ${face}`, 50, 100);
    }
    // A graphics state of the footer's, made before it (one made inside a drawing is an object: not repeated).
    doc.switchToPage(0);
    doc.fillColor('#000000', 0.8).text('Faint', 50, 200);
    // A font only the first page's body uses, which no other page may name.
    doc.font(faceNames.italic).text('Slanted', 50, 250);
    for (let page = 0; page < 3; page++) {
      doc.switchToPage(page);
      const footer = () => {
        doc.fillColor('#444444').moveTo(50, 600).lineTo(500, 600).stroke();
        doc.font(faceNames.regular).text('Help in school: ', 50, 610, { width: 300, continued: true });
        doc.font(faceNames.bold).fillColor('#000000', 0.8).text('Childline 0800 1111, any time, free.');
      };
      if (!repeat) footer();
      else recording = recording ? replayDrawing(doc, recording) : recordDrawing(doc, footer);
    }
    if (repeat) expect(recording!).toBeDefined();
  };

  it('should write on each page the same content and resources as drawing it there afresh', async () => {
    const afresh = await pages(document(false));
    expect(afresh).toHaveLength(3);
    // The later pages name the footer's two fonts and its graphics state, whatever their bodies used.
    for (const page of afresh.slice(1))
      expect(page.resources).toMatch(/\/Font <<\n\/F\d+ \d+ 0 R\n\/F\d+ \d+ 0 R\n>>[\s\S]*\/ExtGState/);
    expect(await pages(document(true))).toEqual(afresh);
  });

  it('should make the dictionaries a page lacks in the order the drawing first uses them', async () => {
    // The first page has a faint body (its graphics state); the others are blank.
    const faint = (repeat: boolean) => (doc: PDFKit.PDFDocument) => {
      doc.addPage().fillColor('#000000', 0.5).text('Faint', 50, 100);
      doc.addPage();
      doc.addPage();
      let recording: ReturnType<typeof recordDrawing>;
      for (let page = 0; page < 3; page++) {
        doc.switchToPage(page);
        const draw = () => doc.fillColor('#000000', 0.5).text('Help', 50, 600);
        if (!repeat) draw();
        else recording = recording ? replayDrawing(doc, recording) : recordDrawing(doc, draw);
      }
    };
    const afresh = await pages(faint(false));
    expect(afresh[1].resources).toMatch(/ExtGState[\s\S]*Font/);
    expect(await pages(faint(true))).toEqual(afresh);
  });

  it('should not repeat a drawing that adds an object (a link) or starts a page', () => {
    const doc = newDoc({ bufferPages: true });
    doc.addPage();
    expect(recordDrawing(doc, () => doc.text('Help', 50, 50, { link: 'https://www.childline.org.uk/' }))).toBe(
      undefined,
    );
    expect(recordDrawing(doc, () => doc.addPage())).toBe(undefined);
    expect(recordDrawing(doc, () => doc.text('Help', 50, 50))).toBeDefined();
  });

  it('should draw without recording, with one warning, on a pdfkit it was not tested for', () => {
    const doc = newDoc();
    doc.addPage();
    let drawn = 0;
    expect(recordDrawing(doc, () => drawn++, NEWER)).toBe(undefined);
    expect(drawn).toBe(1);
    expect(warnings).toEqual([
      expect.stringMatching(/^pshe: pdfkit 0\.21\.0 is installed; drawing repeated on each page/),
    ]);
  });
});

describe("drawing behind content (pdfkit's page.content.buffer, pdfkit 0.20.2, no fallback)", () => {
  it('should put what is drawn at the mark, before what was drawn after it, and leave the rest as pdfkit wrote it', async () => {
    const plain = await pageStream((doc) => {
      doc.rect(10, 10, 50, 50).fill('#ff0000');
      doc.text('First', 20, 20);
      doc.text('Second', 20, 40);
    });
    const moved = await pageStream((doc) => {
      const mark = contentMark(doc);
      doc.text('First', 20, 20);
      doc.text('Second', 20, 40);
      drawBehind(doc, mark, () => doc.rect(10, 10, 50, 50).fill('#ff0000'));
    });
    expect(moved).toBe(plain);
  });

  it('should stop the first document when pdfkit is not the version it was tested for', () => {
    expect(() => checkRequiredInternals(NEWER)).toThrow(/pdfkit 0\.21\.0 is installed/);
  });
});

describe("repeated table headers (pdfkit's PDFTable._rowYPos, pdfkit 0.20.2)", () => {
  it('should read where the last row ended, and start the next row where it is told', () => {
    const doc = newDoc();
    doc.addPage();
    const table = doc.table({ position: { x: 50, y: 100 }, maxWidth: 300 });
    expect(lastRowBottom(table)).toBeUndefined();
    table.row(['one', 'two']);
    // pdfkit leaves the cursor where the row ended: the same number.
    expect(lastRowBottom(table)).toBe(doc.y);
    const first = doc.y;
    table.row(['three', 'four']);
    const height = doc.y - first;
    expect(lastRowBottom(table)).toBe(doc.y);
    startNextRowAt(table, 400);
    table.row(['five', 'six']);
    expect(doc.y).toBeCloseTo(400 + height, 6);
    table.end();
  });

  it("should leave rows to pdfkit's own page breaks, with one warning, on a pdfkit it was not tested for", () => {
    const doc = newDoc();
    doc.addPage();
    const table = doc.table({ position: { x: 50, y: 100 }, maxWidth: 300 });
    table.row(['one', 'two']);
    expect(lastRowBottom(table, NEWER)).toBeUndefined();
    expect(lastRowBottom(table, NEWER)).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^pshe: pdfkit 0\.21\.0 is installed; repeated table headers/)]);
    table.end();
  });
});

describe("the unfinished-document check (pdfkit's _ended, pdfkit 0.20.2)", () => {
  it('should tell a document waiting for a structure element never attached from one that ended', () => {
    const finished = newDoc({ tagged: true } as PDFKit.PDFDocumentOptions);
    finished.addPage();
    finished.on('data', () => {});
    finished.end();
    expect(documentWaiting(finished)).toBe(false);

    const waiting = newDoc({ tagged: true } as PDFKit.PDFDocumentOptions);
    waiting.addPage();
    const root = waiting.struct('Document');
    waiting.addStructure(root);
    const lost = waiting.struct('P'); // never added to root
    root.end();
    void lost;
    waiting.on('data', () => {});
    waiting.end();
    expect(documentWaiting(waiting)).toBe(true);
    // On an untested pdfkit the check says nothing (the document would wait; the bytes are the same).
    expect(documentWaiting(waiting, NEWER)).toBe(false);
    expect(warnings).toEqual([
      expect.stringMatching(/^pshe: pdfkit 0\.21\.0 is installed; the unfinished-document check/),
    ]);
  });
});

describe("opened images (pdfkit's openImage with png-js 2.0.0, no fallback)", () => {
  it("should give pdfkit's image object with the picture's size", () => {
    const doc = newDoc();
    const image = openImage(doc, png(7, 3));
    expect([image.width, image.height]).toEqual([7, 3]);
  });

  it('should stop the first document when pdfkit or png-js is not the version it was tested for', () => {
    expect(() => checkRequiredInternals({ ...TESTED, 'png-js': '3.0.0' })).toThrow(/png-js 3\.0\.0 is installed/);
  });
});
