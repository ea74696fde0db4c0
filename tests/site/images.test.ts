import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageDataUri } from '../../src/site/lib/images.ts';
import { png } from '../helpers/png.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pshe-images-'));
mkdirSync(path.join(dir, 'unit'));
// A whole PNG header: the size is read from it before the image is used.
writeFileSync(path.join(dir, 'unit', 'feed diagram.png'), png(2, 2));
writeFileSync(path.join(dir, 'secret.png'), Buffer.from([1, 2, 3]));
const lessonFile = path.join(dir, 'unit', 'lesson.yaml');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('imageDataUri', () => {
  it('should embed an image next to the lesson as a data: URI', () => {
    expect(imageDataUri(lessonFile, 'feed%20diagram.png')).toBe(
      `data:image/png;base64,${png(2, 2).toString('base64')}`,
    );
  });

  it('should refuse files that are not PNG or JPEG (whatever their name), and missing files', () => {
    expect(imageDataUri(lessonFile, '../secret.png')).toBeUndefined();
    expect(imageDataUri(lessonFile, 'nothing.png')).toBeUndefined();
    expect(imageDataUri(lessonFile, 'lesson.yaml')).toBeUndefined();
  });
});
