import { describe, expect, it } from 'vitest';
import { buildSlideDeck } from '../../src/slides/index.ts';
import { exampleLesson, exampleLibrary, flat, pages, pdfsOf, poppler } from './helpers.ts';

const sizes = (bytes: Uint8Array) =>
  [...poppler('pdfinfo', bytes, ['-f', '1', '-l', '999']).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(
    (m) => [Number(m[1]), Number(m[2])],
  );

describe('slides PDFs', () => {
  it('should print one 16:9 page for each slide of the shared slide model, titles in order', async () => {
    const lesson = exampleLesson();
    const deck = buildSlideDeck(lesson, exampleLibrary());
    const { byName } = await pdfsOf(lesson);
    const bytes = byName.get(`${lesson.id}-slides.pdf`)!;
    const pageSizes = sizes(bytes);
    expect(pageSizes).toHaveLength(deck.slides.length);
    for (const [width, height] of pageSizes) expect(width / height).toBeCloseTo(16 / 9, 2);
    const text = pages(bytes).map(flat);
    deck.slides.forEach((slide, index) => expect(text[index], `slide ${index + 1}`).toContain(slide.title));
  });

  it('should print every slide with its presenter notes on A4 for the trainer', async () => {
    const lesson = exampleLesson();
    const deck = buildSlideDeck(lesson, exampleLibrary());
    const { byName } = await pdfsOf(lesson);
    const bytes = byName.get(`${lesson.id}-slides-with-notes.pdf`)!;
    for (const [width, height] of sizes(bytes)) {
      expect(width).toBeCloseTo(595.28, 0);
      expect(height).toBeCloseTo(841.89, 0);
    }
    const text = flat(pages(bytes).join(' '));
    expect(text.match(/Presenter notes/g)).toHaveLength(deck.slides.length);
    expect(text).toContain('Ask pupils for an example of each before revealing the list.');
  });
});

describe('slides that hold a lot of text', () => {
  it('should split a full slide into slides at 24 pt rather than shrink it or run on to another page', async () => {
    const base = exampleLesson();
    const outcome = `I can ${Array.from({ length: 12 }, () => 'explain what to do when a message online feels wrong').join(', ')}.`;
    const lesson = { ...base, learningOutcome: outcome };
    const deck = buildSlideDeck(lesson, exampleLibrary());
    const { byName } = await pdfsOf(lesson);
    const bytes = byName.get(`${lesson.id}-slides.pdf`)!;
    expect(sizes(bytes)).toHaveLength(deck.slides.length);
    expect(flat(pages(bytes).join(' '))).toContain('feels wrong.');
  });
});
