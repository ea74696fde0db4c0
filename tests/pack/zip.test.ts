import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { prepareEntry, zipEntries } from '../../src/pack/zip.ts';

const text = (value: string) => new TextEncoder().encode(value);
const entries = [
  { path: 'README.md', bytes: text('# A lesson pack\n\n'.repeat(50)) },
  { path: 'lesson-handout.pdf', bytes: text('%PDF-1.7 not really a PDF, stored as it is') },
  { path: 'dossier/é-notes.txt', bytes: text('Accented names are stored as UTF-8.') },
  { path: 'empty.txt', bytes: new Uint8Array() },
];

/** Each central directory entry's name, compression method and general-purpose flags. */
function directory(zip: Uint8Array): { name: string; method: number; flags: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const found = [];
  let at = view.getUint32(end + 16, true);
  for (let index = 0; index < view.getUint16(end + 10, true); index++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    found.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      flags: view.getUint16(at + 8, true),
    });
    at += 46 + nameLength;
  }
  return found;
}

describe('zipEntries', () => {
  it('should give back every file as it went in, read by another zip library', () => {
    const files = unzipSync(zipEntries(entries));
    expect(Object.keys(files).sort()).toEqual(entries.map((entry) => entry.path).sort());
    for (const entry of entries) expect(Buffer.from(files[entry.path]).equals(Buffer.from(entry.bytes))).toBe(true);
  });

  it('should sort entries, store what is already compressed, deflate text and flag UTF-8 names', () => {
    const zip = zipEntries(entries);
    expect(directory(zip)).toEqual([
      { name: 'README.md', method: 8, flags: 0 },
      { name: 'dossier/é-notes.txt', method: 8, flags: 0x0800 },
      { name: 'empty.txt', method: 0, flags: 0 },
      { name: 'lesson-handout.pdf', method: 0, flags: 0 },
    ]);
    expect(zip.byteLength).toBeLessThan(entries.reduce((sum, entry) => sum + entry.bytes.length, 0));
  });

  it('should give the same bytes for the same entries in any order, and date them as asked', () => {
    const first = zipEntries(entries, { date: new Date('2026-03-04T05:06:08Z') });
    const again = zipEntries([...entries].reverse(), { date: new Date('2026-03-04T05:06:08Z') });
    expect(Buffer.from(first).equals(Buffer.from(again))).toBe(true);
    const view = new DataView(first.buffer, first.byteOffset, first.byteLength);
    // The first local header's DOS time and date: 05:06:08 on 4 March 2026.
    expect(view.getUint16(10, true)).toBe((5 << 11) | (6 << 5) | 4);
    expect(view.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (3 << 5) | 4);
  });

  it('should write an entry deflated ahead of time as it would have deflated it, and only at its own level', () => {
    const date = new Date('2026-03-04T05:06:08Z');
    const prepared = entries.map((entry) => prepareEntry(entry, 1));
    expect(prepared[0].prepared?.data.length).toBeGreaterThan(0);
    expect(
      Buffer.from(zipEntries(prepared, { date, level: 1 })).equals(
        Buffer.from(zipEntries(entries, { date, level: 1 })),
      ),
    ).toBe(true);
    // Prepared at level 1, zipped at level 9: deflated again at 9, not copied.
    expect(
      Buffer.from(zipEntries(prepared, { date, level: 9 })).equals(
        Buffer.from(zipEntries(entries, { date, level: 9 })),
      ),
    ).toBe(true);
    const files = unzipSync(zipEntries(prepared, { date, level: 1 }));
    for (const entry of entries) expect(Buffer.from(files[entry.path]).equals(Buffer.from(entry.bytes))).toBe(true);
  });
});
