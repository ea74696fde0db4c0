import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageDataUri } from '../../src/site/lib/images.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pshe-images-'));
mkdirSync(path.join(dir, 'unit'));
writeFileSync(path.join(dir, 'unit', 'feed diagram.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
writeFileSync(path.join(dir, 'secret.png'), Buffer.from([1, 2, 3]));
const lessonFile = path.join(dir, 'unit', 'lesson.yaml');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('imageDataUri', () => {
  it('should embed an image next to the lesson as a data: URI', () => {
    expect(imageDataUri(lessonFile, 'feed%20diagram.png')).toBe('data:image/png;base64,iVBORw==');
  });

  it('should refuse files outside the lesson’s folder, missing files and unknown types', () => {
    expect(imageDataUri(lessonFile, '../secret.png')).toBeUndefined();
    expect(imageDataUri(lessonFile, 'nothing.png')).toBeUndefined();
    expect(imageDataUri(lessonFile, 'lesson.yaml')).toBeUndefined();
  });
});
