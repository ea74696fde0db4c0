import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Lesson, Library } from '../../src/lesson/types.ts';
import { parseMarkdown } from '../../src/markdown/processor.ts';
import { decodePngPixels } from '../../src/pdf/pdfkit-internals/png-pixels.ts';
import { renderPptx } from '../../src/pptx/index.ts';
import { buildSlideDeck } from '../../src/slides/index.ts';
import { encodePng, type PngSpec } from '../helpers/png.ts';
import { exampleLesson, exampleLibrary, field, pdfsOf, poppler } from './helpers.ts';

/**
 * PNGs pdfkit cannot embed as they are (it needs their pixels: an alpha
 * channel, a palette with tRNS, interlacing) used to be embedded only after an
 * asynchronous inflate, so the document could not end: "The PDF structure
 * tree has an element that was never attached" (render-failed).
 */

/** png-js, the PNG reader pdfkit uses (a dependency of pdfkit, without types). */
const PNG = createRequire(import.meta.url)('png-js') as new (data: Uint8Array) => {
  decodePixels(fn: (pixels: Uint8Array) => void): void;
};

const W = 24;
const H = 13;
const palette: [number, number, number][] = [
  [200, 30, 40],
  [20, 160, 60],
  [30, 60, 210],
  [240, 220, 20],
];
const paletteAlpha = [0, 128, 255];

interface Kind {
  name: string;
  spec: PngSpec;
  /** The colour pdfimages extracts at (x, y) (RGB, or one grey level), and the alpha when there is a soft mask. */
  colour: (x: number, y: number) => number[];
  alpha?: (x: number, y: number) => number;
}

const rgba = (x: number, y: number) => [x * 10, y * 19, 200 - x * 5, (x * 11 + y * 7) % 256];
const grey = (x: number, y: number) => (x * 9 + y * 3) % 256;
const index = (x: number, y: number) => (x + 2 * y) % 4;

const kinds: Kind[] = [
  {
    name: 'RGBA (colour type 6)',
    spec: { width: W, height: H, colourType: 6, pixel: rgba },
    colour: (x, y) => rgba(x, y).slice(0, 3),
    alpha: (x, y) => rgba(x, y)[3],
  },
  {
    name: 'grey and alpha (colour type 4)',
    spec: { width: W, height: H, colourType: 4, pixel: (x, y) => [grey(x, y), 255 - grey(x, y)], filter: 3 },
    colour: (x, y) => [grey(x, y)],
    alpha: (x, y) => 255 - grey(x, y),
  },
  {
    name: 'palette with tRNS',
    spec: { width: W, height: H, colourType: 3, pixel: (x, y) => [index(x, y)], palette, transparency: paletteAlpha },
    colour: (x, y) => palette[index(x, y)],
    alpha: (x, y) => paletteAlpha[index(x, y)] ?? 255,
  },
  {
    name: 'interlaced RGB',
    spec: { width: W, height: H, colourType: 2, pixel: (x, y) => rgba(x, y).slice(0, 3), interlaced: true, filter: 1 },
    colour: (x, y) => rgba(x, y).slice(0, 3),
  },
  {
    name: 'interlaced RGBA',
    spec: { width: W, height: H, colourType: 6, pixel: rgba, interlaced: true },
    colour: (x, y) => rgba(x, y).slice(0, 3),
    alpha: (x, y) => rgba(x, y)[3],
  },
  {
    name: '16-bit RGBA',
    spec: { width: W, height: H, colourType: 6, bitDepth: 16, pixel: (x, y) => rgba(x, y).map((v) => v * 256 + 7) },
    colour: (x, y) => rgba(x, y).slice(0, 3),
    alpha: (x, y) => rgba(x, y)[3],
  },
  {
    name: '2-bit palette with tRNS, interlaced',
    spec: {
      width: W,
      height: H,
      colourType: 3,
      bitDepth: 2,
      pixel: (x, y) => [index(x, y)],
      palette,
      transparency: paletteAlpha,
      interlaced: true,
    },
    colour: (x, y) => palette[index(x, y)],
    alpha: (x, y) => paletteAlpha[index(x, y)] ?? 255,
  },
  {
    name: '4-bit grey, interlaced',
    spec: { width: W, height: H, colourType: 0, bitDepth: 4, pixel: (x, y) => [(x + y) % 16], interlaced: true },
    colour: (x, y) => [((x + y) % 16) * 17],
  },
  {
    name: '1 × 1 RGBA, interlaced (empty passes)',
    spec: { width: 1, height: 1, colourType: 6, pixel: () => [10, 20, 30, 40], interlaced: true },
    colour: () => [10, 20, 30],
    alpha: () => 40,
  },
];

/** The images pdfimages lists: type (image, smask), width, height and colour. */
function imagesIn(bytes: Uint8Array) {
  return poppler('pdfimages', bytes, ['-list'])
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length > 5)
    .map(([, , type, width, height, colour]) => ({ type, width: Number(width), height: Number(height), colour }));
}

/** The first image and soft mask of a PDF as pdfimages writes them (PPM/PGM): samples, channels. */
function extracted(bytes: Uint8Array) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-png-alpha-'));
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), bytes);
    execFileSync('pdfimages', [path.join(dir, 'doc.pdf'), path.join(dir, 'img')]);
    const read = (name: string) => {
      const file = readFileSync(path.join(dir, name));
      const [magic, width, height, , data] = /^(P[56])\s+(\d+)\s+(\d+)\s+(\d+)\s([\s\S]*)$/
        .exec(file.toString('latin1'))!
        .slice(1);
      const start = file.length - data.length;
      return {
        channels: magic === 'P6' ? 3 : 1,
        width: Number(width),
        height: Number(height),
        data: file.subarray(start),
      };
    };
    const files = readdirSync(dir)
      .filter((name) => name.startsWith('img-'))
      .sort();
    return files.map(read);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sample at (x, y), a grey level once (pdfimages may write grey as RGB, each channel the same). */
function sampleAt(image: { channels: number; width: number; data: Buffer }, x: number, y: number, channels: number) {
  const at = (y * image.width + x) * image.channels;
  const samples = [...image.data.subarray(at, at + image.channels)];
  return channels === 1 && samples.every((v) => v === samples[0]) ? [samples[0]] : samples;
}

const dir = mkdtempSync(path.join(tmpdir(), 'pshe-pdf-png-alpha-'));
const pictures = kinds.map((kind, i) => {
  const name = `picture-${i}.png`;
  const bytes = encodePng(kind.spec);
  writeFileSync(path.join(dir, name), bytes);
  return { ...kind, file: name, bytes };
});

const base = exampleLesson();

/** The lesson with the picture on its own line in the summary, the first cycle's explanation and its practice. */
function lessonWith(file: string, n: number): Lesson {
  const markdown = `![Picture ${n}](${file})`;
  return {
    ...base,
    file: path.join(dir, 'lesson.yaml'),
    summary: field(markdown),
    cycles: [{ ...base.cycles[0], explanation: field(markdown), practice: field(markdown) }, ...base.cycles.slice(1)],
  };
}

describe('PNGs pdfkit must decode (alpha, tRNS, interlacing)', () => {
  it.each(pictures.map((p, n) => [p.name, p, n] as const))(
    'should make every PDF with %s, the image (and its soft mask) where it is drawn',
    async (_name, picture, n) => {
      const { width, height } = picture.spec;
      const library: Library = {
        ...exampleLibrary(),
        school: { name: 'Test School', dslContact: 'the office', logo: path.join(dir, picture.file) },
      };
      const { byName, diagnostics } = await pdfsOf(lessonWith(picture.file, n), library);
      expect(diagnostics.filter((d) => d.ruleId === 'render-failed')).toEqual([]);
      expect(diagnostics.filter((d) => d.message.includes(picture.file))).toEqual([]);
      expect([...byName.keys()].sort()).toEqual(
        [
          'lesson-plan',
          'lesson-guide',
          'handout',
          'handout-large-print',
          'slides',
          'slides-with-notes',
          'dsl-briefing',
          'parent-letter',
        ]
          .map((suffix) => `${base.id}-${suffix}.pdf`)
          .sort(),
      );
      // Where the picture is drawn (and the parent letter's logo): the image, with a soft mask when it has alpha.
      const expected = [
        { type: 'image', width, height },
        ...(picture.alpha ? [{ type: 'smask', width, height, colour: 'gray' }] : []),
      ];
      for (const suffix of [
        'lesson-plan',
        'handout',
        'handout-large-print',
        'slides',
        'slides-with-notes',
        'parent-letter',
      ]) {
        const images = imagesIn(byName.get(`${base.id}-${suffix}.pdf`)!);
        expect(images.slice(0, expected.length), suffix).toMatchObject(expected);
      }

      // The pixels themselves, as a viewer gets them.
      const [image, mask] = extracted(byName.get(`${base.id}-lesson-plan.pdf`)!);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const colour = picture.colour(x, y);
          expect(sampleAt(image, x, y, colour.length), `colour at ${x},${y}`).toEqual(colour);
          if (picture.alpha) expect(sampleAt(mask, x, y, 1), `alpha at ${x},${y}`).toEqual([picture.alpha(x, y)]);
        }
      }
    },
  );

  it('should decode the same pixels as png-js for the images png-js reads right', async () => {
    // png-js is right for whole-byte samples, and for interlaced images without empty passes.
    for (const picture of pictures.filter((p) => (p.spec.bitDepth ?? 8) >= 8 && p.spec.width > 4)) {
      const ours = decodePngPixels(new PNG(picture.bytes) as never);
      const theirs = await new Promise<Uint8Array>((resolve) => new PNG(picture.bytes).decodePixels(resolve));
      expect(Buffer.from(ours).equals(Buffer.from(theirs)), picture.name).toBe(true);
    }
  });

  it('should report a PNG whose pixels are damaged and print its description, not fail the PDF', async () => {
    // Every row with the filter type 9, which PNG does not have.
    const broken = encodePng({ ...pictures[0].spec, filter: 9 as never });
    writeFileSync(path.join(dir, 'broken.png'), broken);
    const { byName, diagnostics } = await pdfsOf(lessonWith('broken.png', 99));
    expect(diagnostics.filter((d) => d.ruleId === 'render-failed')).toEqual([]);
    expect(diagnostics.find((d) => d.message.includes('broken.png'))?.message).toMatch(/unknown filter 9/);
    expect(imagesIn(byName.get(`${base.id}-lesson-plan.pdf`)!)).toEqual([]);
  });

  it('should still put each PNG in the PowerPoint as it is', async () => {
    const { lesson, library } = { lesson: base, library: exampleLibrary() };
    const deck = buildSlideDeck(lesson, library);
    const body = (markdown: string) => parseMarkdown(markdown).tree.children as RootContent[];
    const slides = pictures.map((picture, i) => ({
      ...deck.slides[1 + (i % (deck.slides.length - 1))],
      body: body(`![Picture ${i}](${picture.file})`),
    }));
    const reported: unknown[] = [];
    const bytes = await renderPptx(
      { ...deck, slides },
      {
        library,
        file: 'lesson.yaml',
        lesson: { id: deck.lessonId, file: path.join(dir, 'lesson.yaml') },
        report: (d) => reported.push(d),
      },
    );
    const files = unzipSync(bytes);
    const media = Object.keys(files)
      .filter((name) => name.startsWith('ppt/media/'))
      .map((name) => Buffer.from(files[name]));
    expect(reported).toEqual([]);
    for (const picture of pictures)
      expect(
        media.some((m) => m.equals(picture.bytes)),
        picture.name,
      ).toBe(true);
  });
});
