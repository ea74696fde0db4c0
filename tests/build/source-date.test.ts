import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExampleLibrary, hashTree, pshe, tempOut } from './helpers.ts';

/**
 * SOURCE_DATE_EPOCH dates every file a build makes the same way
 * (src/source-date.ts): the PDFs' info, the PowerPoint's docProps/core.xml
 * and every zip entry, the PowerPoint's own included. Zip entries cannot go
 * below 1980, so 0 dates them 1980-01-01 while the rest say 1970-01-01.
 */

/** Every entry's time in a zip's central directory, read from its MS-DOS date and time fields, as ISO. */
function entryTimes(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const times: string[] = [];
  let at = view.getUint32(end + 16, true);
  for (let index = 0; index < view.getUint16(end + 10, true); index++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const time = view.getUint16(at + 12, true);
    const day = view.getUint16(at + 14, true);
    const date = Date.UTC(
      1980 + (day >> 9),
      ((day >> 5) & 15) - 1,
      day & 31,
      time >> 11,
      (time >> 5) & 63,
      (time & 31) * 2,
    );
    times.push(new Date(date).toISOString());
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return times;
}

function files(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => path.join(dir, name))
    .sort();
}

const cases = [
  { epoch: '0', everywhere: '1970-01-01T00:00:00', zip: '1980-01-01T00:00:00.000Z' },
  { epoch: '1767225600', everywhere: '2026-01-01T00:00:00', zip: '2026-01-01T00:00:00.000Z' },
];

describe.each(cases)('pshe build with SOURCE_DATE_EPOCH=$epoch', ({ epoch, everywhere, zip }) => {
  let downloads: string;

  beforeAll(() => {
    const out = tempOut();
    const result = pshe(['build', '--lessons', copyExampleLibrary(), '--out', out, '--no-cache'], {
      SOURCE_DATE_EPOCH: epoch,
    });
    expect(result.status, result.stderr).toBe(0);
    downloads = path.join(out, 'downloads');
  });

  it(`should date every PDF ${everywhere}`, () => {
    const pdfs = files(downloads, '.pdf');
    expect(pdfs.length).toBeGreaterThan(10);
    for (const pdf of pdfs) {
      const info = execFileSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' });
      expect(info, pdf).toMatch(new RegExp(`CreationDate:\\s+${everywhere}`));
      expect(info, pdf).toMatch(new RegExp(`ModDate:\\s+${everywhere}`));
    }
  });

  it(`should date every PowerPoint's properties ${everywhere}`, () => {
    const decks = files(downloads, '.pptx');
    expect(decks.length).toBeGreaterThan(1);
    for (const deck of decks) {
      const core = strFromU8(unzipSync(readFileSync(deck))['docProps/core.xml']);
      for (const field of ['created', 'modified'])
        expect(core, deck).toMatch(new RegExp(`<dcterms:${field}\\b[^>]*>${everywhere}Z</dcterms:${field}>`));
    }
  });

  it(`should date every entry of every zip and PowerPoint ${zip}`, () => {
    const zips = [...files(downloads, '.zip'), ...files(downloads, '.pptx')];
    expect(zips.length).toBeGreaterThan(4);
    for (const file of zips) {
      const times = entryTimes(readFileSync(file));
      expect(times.length, file).toBeGreaterThan(2);
      expect(new Set(times), file).toEqual(new Set([zip]));
    }
  });

  if (epoch === '1767225600') {
    it('should give the same bytes as a build without it, since that is the fixed date', () => {
      const golden = JSON.parse(readFileSync('tests/build/golden-example.json', 'utf8')) as Record<string, string>;
      const expected = Object.fromEntries(
        Object.entries(golden)
          .filter(([name]) => name.startsWith('downloads/'))
          .map(([name, hash]) => [name.slice('downloads/'.length), hash]),
      );
      expect(hashTree(downloads)).toEqual(expected);
    });
  }
});
