import { readFileSync } from 'node:fs';
import path from 'node:path';

/** An image written next to a lesson, as the PDFs and the PowerPoint place it. */
export interface LessonImage {
  bytes: Uint8Array;
  type: 'png' | 'jpeg';
  /** Pixels. */
  width: number;
  height: number;
}

const isPng = (bytes: Uint8Array) => bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8;

/** A JPEG's size, from its first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

/**
 * Read an image written next to a lesson (`![alt](diagram.png)`): a PNG or
 * JPEG file in or below the lesson's folder. Anything else (a web address, a
 * missing file, another format) gives the reason in words, to report.
 */
export function readLessonImage(
  baseDir: string,
  url: string,
  /** Whose folder `baseDir` is, for the reason given. */
  next = 'the lesson',
): { image?: LessonImage; problem?: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    return { problem: `The image \`${url}\` is not a file next to ${next}; only local images can be used` };
  }
  let file: string;
  try {
    file = path.resolve(baseDir, decodeURI(url.split(/[?#]/)[0]));
  } catch {
    return { problem: `The image \`${url}\` is not a file name that can be read` };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return { problem: `The image \`${url}\` was not found next to ${next}` };
  }
  if (isPng(bytes) && bytes.length >= 24) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { image: { bytes, type: 'png', width: view.getUint32(16), height: view.getUint32(20) } };
  }
  const size = isJpeg(bytes) ? jpegSize(bytes) : undefined;
  if (size) return { image: { bytes, type: 'jpeg', ...size } };
  return { problem: `The image \`${url}\` is not a PNG or JPEG file` };
}
