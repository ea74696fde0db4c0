import { describe, expect, it } from 'vitest';
import { png } from '../helpers/png.ts';
import { exampleLesson, flat, lessonWithImages, pages, pdfsOf, poppler } from './helpers.ts';

describe('images', () => {
  const base = exampleLesson();
  const { lesson } = lessonWithImages(
    '![A phone showing a feed of short videos](feed.png)\n\n![A missing picture](missing.png)',
    { 'feed.png': png(120, 60) },
  );

  it('should place a local image in a Figure with its alt text', async () => {
    const { byName } = await pdfsOf(lesson);
    const bytes = byName.get(`${base.id}-handout.pdf`)!;
    expect(poppler('pdfinfo', bytes, ['-struct'])).toMatch(/Figure:\s+\/Placement \/Block\s+\/BBox/);
    // pdfinfo does not print /Alt; structure elements are not compressed, so it is read from the file.
    expect(Buffer.from(bytes).toString('latin1')).toContain(
      '/S /Figure\n/Alt (A phone showing a feed of short videos)',
    );
    expect(poppler('pdfimages', bytes, ['-list'])).toContain('120    60');
  });

  it('should report an image it cannot find and print its description instead', async () => {
    const { byName, diagnostics } = await pdfsOf(lesson);
    expect(flat(pages(byName.get(`${base.id}-handout.pdf`)!).join(' '))).toContain('[Image: A missing picture]');
    const reported = diagnostics.find((d) => d.message.includes('missing.png'));
    expect(reported).toMatchObject({ ruleId: 'render-adjusted', file: lesson.file });
  });
});
