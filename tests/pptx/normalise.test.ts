import PptxGenJS from 'pptxgenjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedVersions, setWarn } from '../../src/pdf/pdfkit-internals/versions.ts';
import { forgetDeflatedParts, normalisePptx } from '../../src/pptx/normalise.ts';
import { notesXml, parts, slideXml } from './pptx-parts.ts';

const DATE = new Date('2026-01-01T00:00:00Z');

/** What pptxgenjs itself writes for each fault the mends are for: the mends' contract is with these bytes. */
async function pptxgenjsOutput(): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  for (let index = 0; index < 2; index++) {
    const slide = pptx.addSlide();
    // Several runs in a paragraph: a <a:pPr> before each.
    slide.addText(
      [
        { text: 'Which one is ', options: { bold: true } },
        { text: 'urgent?', options: {} },
      ],
      { x: 1, y: 1, w: 4, h: 1, paraSpaceBefore: 4 },
    );
    // A table beside a text box: the same shape id.
    slide.addTable([[{ text: 'Sign' }, { text: 'Example' }]], { x: 1, y: 3, w: 4 });
    // Notes of several lines: one run with line breaks in it.
    slide.addNotes('First line\nSecond line');
  }
  return (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
}

let warnings: string[] = [];
let previous: ((line: string) => void) | undefined;
beforeEach(() => {
  warnings = [];
  previous = setWarn((line) => warnings.push(line));
});
afterEach(() => {
  setWarn(previous!);
});

const shapeIds = (xml: string) => [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((match) => match[1]);
const repeatedParagraphProperties = (xml: string) =>
  [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].filter((match) => match[1].indexOf('<a:pPr', 1) > 0).length;
const slideMasters = (types: string) => types.match(/slideMaster\d+\.xml/g)?.length ?? 0;

describe('the PowerPoint mends (regular expressions over what pptxgenjs 4.0.1 writes)', () => {
  it('should be run against the pptxgenjs they were written for', () => {
    expect(installedVersions().pptxgenjs).toBe('4.0.1');
  });

  it('should find every fault they mend in what pptxgenjs writes, and leave none', async () => {
    const bytes = await pptxgenjsOutput();
    const raw = parts(bytes);
    const mended = parts(normalisePptx(bytes, DATE));
    // The faults are there: if pptxgenjs stops making one, its mend is dead code or no longer matches.
    expect(slideXml(raw).some((xml) => new Set(shapeIds(xml)).size < shapeIds(xml).length)).toBe(true);
    for (const xml of slideXml(raw)) expect(repeatedParagraphProperties(xml)).toBeGreaterThan(0);
    for (const xml of notesXml(raw)) expect(xml).toMatch(/<a:t>First line\r?\nSecond line<\/a:t>/);
    expect(slideMasters(raw.get('[Content_Types].xml')!)).toBeGreaterThan(1);
    // And they are mended.
    for (const xml of slideXml(mended)) {
      expect(shapeIds(xml)).toEqual(shapeIds(xml).map((_, index) => String(index + 1)));
      expect(repeatedParagraphProperties(xml)).toBe(0);
    }
    for (const xml of notesXml(mended)) {
      expect(xml).toMatch(/<a:p><a:r><a:rPr lang="en-GB"[^>]*\/><a:t>First line<\/a:t><\/a:r>/);
      expect(xml).toMatch(/<a:t>Second line<\/a:t>/);
    }
    expect(slideMasters(mended.get('[Content_Types].xml')!)).toBe(1);
    expect(warnings).toEqual([]);
  });

  it("should leave pptxgenjs's XML as written, with one warning, on a pptxgenjs they were not written for", async () => {
    const bytes = await pptxgenjsOutput();
    const raw = parts(bytes);
    const newer = { ...installedVersions(), pptxgenjs: '4.1.0' };
    const kept = parts(normalisePptx(bytes, DATE, newer));
    normalisePptx(bytes, DATE, newer);
    for (const [name, xml] of kept) {
      if (name !== 'docProps/core.xml') expect(xml, name).toBe(raw.get(name));
    }
    // The file format's own fixes still hold: the build date, entries in order, no directories.
    expect(kept.get('docProps/core.xml')).toContain('2026-01-01T00:00:00Z');
    expect([...kept.keys()]).toEqual([...kept.keys()].sort());
    expect([...kept.keys()].some((name) => name.endsWith('/'))).toBe(false);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^pshe: pptxgenjs 4\.1\.0 is installed; the PowerPoint mends .* 4\.0\.1, so it is left out/,
      ),
    ]);
  });
});

describe("a deck's parts deflated once a thread", () => {
  /** A deck of one slide with this text, its theme's heading font `font` (a part every deck holds). */
  async function deck(text: string, font: string): Promise<Uint8Array> {
    const pptx = new PptxGenJS();
    pptx.theme = { headFontFace: font, bodyFontFace: font };
    pptx.addSlide().addText(text, { x: 1, y: 1, w: 4, h: 1 });
    return (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  }

  it('should give each deck its own parts, whatever the decks before it held', async () => {
    const decks = [
      await deck('First deck', 'Arial'),
      await deck('Second deck', 'Arial'),
      await deck('Third deck', 'Georgia'),
      await deck('Fourth deck', 'Arial'),
    ];
    // Twice over, so the second pass finds every part kept from the first.
    for (let pass = 0; pass < 2; pass++) {
      for (const bytes of decks) {
        const expected = parts(normalisePptx(bytes, DATE));
        const theme = (files: Map<string, string>) => files.get('ppt/theme/theme1.xml')!;
        const raw = parts(bytes);
        expect(theme(expected)).toBe(theme(raw));
        expect(slideXml(expected)[0]).toContain(slideXml(raw)[0].match(/<a:t>[^<]*<\/a:t>/)![0]);
      }
    }
    // Each deck gives the same bytes from kept parts as from none.
    for (const bytes of decks) {
      const kept = normalisePptx(bytes, DATE);
      forgetDeflatedParts();
      expect(Buffer.from(normalisePptx(bytes, DATE)).equals(Buffer.from(kept))).toBe(true);
    }
  });
});
