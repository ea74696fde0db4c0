import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exampleLesson, field, flat, pages, pdfsOf, poppler } from './helpers.ts';

/** A small valid PNG (solid colour), made here so the test needs no fixture file. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x3c)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('images', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-pdf-images-'));
  writeFileSync(path.join(dir, 'feed.png'), png(120, 60));
  const base = exampleLesson();
  const lesson = {
    ...base,
    file: path.join(dir, 'lesson.yaml'),
    cycles: [
      {
        ...base.cycles[0],
        practice: field('![A phone showing a feed of short videos](feed.png)\n\n![A missing picture](missing.png)'),
      },
    ],
  };

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
