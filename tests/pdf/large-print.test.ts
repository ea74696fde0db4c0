import { describe, expect, it } from 'vitest';
import { exampleLesson, pdfsOf, words } from './helpers.ts';

/**
 * pdftotext's word boxes are as tall as the font's ascent plus descent:
 * 1.164 em for DejaVu Sans. A 16 pt word is about 18.6 pt tall.
 */
const EM_HEIGHT = 1.164;
const pointSize = (word: { yMin: number; yMax: number }) => (word.yMax - word.yMin) / EM_HEIGHT;

describe('large-print handout', () => {
  it('should set every word of the large-print handout at 16 pt or more', async () => {
    const lesson = exampleLesson();
    const { byName } = await pdfsOf(lesson);
    const all = words(byName.get(`${lesson.id}-handout-large-print.pdf`)!);
    expect(all.length).toBeGreaterThan(100);
    const smallest = Math.min(...all.map(pointSize));
    expect(smallest).toBeGreaterThanOrEqual(15.9);
  });

  it('should be larger than the standard handout, which uses smaller body text', async () => {
    const lesson = exampleLesson();
    const { byName } = await pdfsOf(lesson);
    const standard = words(byName.get(`${lesson.id}-handout.pdf`)!);
    const body = standard.filter((w) => w.text === 'Ava');
    expect(Math.min(...body.map(pointSize))).toBeLessThan(13);
    const large = words(byName.get(`${lesson.id}-handout-large-print.pdf`)!);
    expect(new Set(large.map((w) => w.page)).size).toBeGreaterThan(new Set(standard.map((w) => w.page)).size);
  });
});
