import { crc32 as zlibCrc32, inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, deflateRaw, deflateZlib, inflateRaw, inflateZlib } from '../../src/deflate.ts';
import { crc32 as portableCrc32 } from '../../src/platform/crc32.ts';

/** Bytes that are not all alike: a pseudo-random walk, then text that repeats. */
function sample(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = i % 3 ? x >>> 24 : 97 + (i % 26);
  }
  return bytes;
}

describe('the one deflate (src/deflate.ts)', () => {
  it('should give back every byte through Node’s own inflate, at every level used', () => {
    for (const length of [0, 1, 7, 100, 65_537, 300_000]) {
      const bytes = sample(length, length + 1);
      for (const level of [1, 2, 6]) {
        expect(Buffer.from(inflateRawSync(deflateRaw(bytes, level))).equals(Buffer.from(bytes))).toBe(true);
        expect(Buffer.from(inflateSync(deflateZlib(bytes, level))).equals(Buffer.from(bytes))).toBe(true);
        expect(Buffer.from(inflateZlib(deflateZlib(bytes, level))).equals(Buffer.from(bytes))).toBe(true);
        expect(Buffer.from(inflateRaw(deflateRaw(bytes, level))).equals(Buffer.from(bytes))).toBe(true);
      }
    }
  });

  it('should give the same bytes every time for the same input (no state carried between calls)', () => {
    const bytes = sample(50_000, 7);
    const first = deflateZlib(bytes, 2);
    deflateRaw(sample(10_000, 8), 6);
    expect(Buffer.from(deflateZlib(bytes, 2)).equals(Buffer.from(first))).toBe(true);
  });
});

describe('CRC-32 in the browser and in Node', () => {
  it('should give zlib’s answer for every length and offset, and continue a running checksum', () => {
    const bytes = sample(10_000, 3);
    for (const [start, end] of [
      [0, 0],
      [0, 1],
      [3, 10],
      [5, 4096],
      [1, 10_000],
    ]) {
      const part = bytes.subarray(start, end);
      expect(portableCrc32(part), `${start}–${end}`).toBe(zlibCrc32(part));
    }
    expect(portableCrc32(bytes.subarray(100), portableCrc32(bytes.subarray(0, 100)))).toBe(zlibCrc32(bytes));
    // In Node, `#crc32` is zlib's.
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
  });
});
