import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lesson/types.ts';
import { parseMarkdown } from '../../src/markdown/processor.ts';
import { renderPptx } from '../../src/pptx/index.ts';
import { buildSlideDeck } from '../../src/slides/index.ts';
import { png } from '../helpers/png.ts';
import { exampleLesson } from '../slides/fixture.ts';
import { parts, slideXml, texts } from './pptx-parts.ts';

const body = (markdown: string) => parseMarkdown(markdown).tree.children as RootContent[];

describe('images on slides', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-pptx-images-'));
  const picture = png(400, 200);
  writeFileSync(path.join(dir, 'feed.png'), picture);
  const { lesson, library } = exampleLesson('spotting-online-scams');
  const deck = buildSlideDeck(lesson, library);
  const slides = [
    { ...deck.slides[1], body: body('A feed like this one:\n\n![A phone showing a feed of short videos](feed.png)') },
    { ...deck.slides[2], body: body('![A missing picture](missing.png)') },
  ];

  it('should place an image on its own line as a picture with its description, and describe one it cannot find', async () => {
    const reported: Diagnostic[] = [];
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
    const media = Object.keys(files).filter((name) => name.startsWith('ppt/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(files[media[0]]).equals(picture)).toBe(true);

    const [withImage, withoutImage] = slideXml(parts(bytes));
    expect(withImage).toMatch(/<p:pic>[\s\S]*descr="A phone showing a feed of short videos"/);
    expect(texts(withImage)).toContain('A feed like this one:');
    // 400 × 200 pixels at 96 a inch: 4.17 × 2.08 in, in EMU (914,400 an inch), not stretched.
    const extent = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/.exec(withImage)!;
    expect(Number(extent[1]) / Number(extent[2])).toBeCloseTo(2, 2);
    expect(Number(extent[1]) / 914400).toBeCloseTo(400 / 96, 1);

    expect(withoutImage).not.toContain('<p:pic>');
    expect(texts(withoutImage)).toContain('[Image: A missing picture]');
    expect(reported.map((d) => [d.ruleId, d.severity])).toEqual([['render-adjusted', 'warning']]);
    expect(reported[0].message).toContain('`missing.png` was not found next to the lesson');
  });
});
