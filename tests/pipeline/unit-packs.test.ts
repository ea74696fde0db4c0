import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { lessonPackFileName, unitApprovalFileName, unitPackFileName } from '../../src/outputs.ts';
import { downloadCacheDir } from '../../src/pipeline/download-cache.ts';
import { renderEarlyApprovals, writeUnitPacks } from '../../src/pipeline/unit-packs.ts';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const { library } = loadLibrary('examples/library', { today: '2026-12-01' });
const unit = library.units[0];
const options = { sharedKey: 'unit-packs-test', useCache: false, today: '2026-12-01' };

/** A downloads folder holding a stand-in pack for each of these lessons. */
function downloadsWith(ids: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-unit-packs-'));
  folders.push(dir);
  for (const id of ids) {
    mkdirSync(path.join(dir, id));
    writeFileSync(path.join(dir, id, lessonPackFileName(id)), `pack of ${id}`);
  }
  return dir;
}

const written = (downloads: string, name: string) => readFileSync(path.join(downloads, 'units', name));

describe('unit packs', () => {
  it('should put the approval sheet made during the downloads in the pack, the same as one made after them', async () => {
    const early = await renderEarlyApprovals(library, options);
    expect([...early.keys()]).toEqual([unit.id]);
    const withEarly = downloadsWith(unit.lessons);
    await writeUnitPacks(withEarly, library, options, early);
    const without = downloadsWith(unit.lessons);
    await writeUnitPacks(without, library, options);
    for (const name of [unitPackFileName(unit.id), unitApprovalFileName(unit.id)])
      expect(written(withEarly, name).equals(written(without, name)), name).toBe(true);
    const pack = unzipSync(written(withEarly, unitPackFileName(unit.id)));
    expect(Buffer.from(pack[unitApprovalFileName(unit.id)]).equals(Buffer.from(early.get(unit.id)!.file.bytes))).toBe(
      true,
    );
  });

  it('should use a sheet made early only for the lessons and day it was made for', async () => {
    const early = await renderEarlyApprovals(library, options);
    const stand = new Map(
      [...early].map(([id, made]) => [id, { ...made, file: { ...made.file, bytes: Buffer.from('early') } }]),
    );
    const all = downloadsWith(unit.lessons);
    await writeUnitPacks(all, library, options, stand);
    expect(written(all, unitApprovalFileName(unit.id)).toString()).toBe('early');
    // Another day: the sheet checks services against the day it is made.
    const later = downloadsWith(unit.lessons);
    await writeUnitPacks(later, library, { ...options, today: '2026-12-02' }, stand);
    expect(written(later, unitApprovalFileName(unit.id)).subarray(0, 5).toString()).toBe('%PDF-');
    // One lesson's pack is missing: the sheet made for every lesson would list one too many.
    const fewer = downloadsWith(unit.lessons.slice(1));
    await writeUnitPacks(fewer, library, options, stand);
    const sheet = written(fewer, unitApprovalFileName(unit.id));
    expect(sheet.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Object.keys(unzipSync(written(fewer, unitPackFileName(unit.id))))).not.toContain(
      lessonPackFileName(unit.lessons[0]),
    );
  });

  it('should not make a sheet early for a unit whose pack is in the cache', async () => {
    const cached = { ...options, sharedKey: `unit-packs-test-${process.pid}-${Date.now()}`, useCache: true };
    const key = (await renderEarlyApprovals(library, cached)).get(unit.id)!.key;
    try {
      await writeUnitPacks(downloadsWith(unit.lessons), library, cached);
      expect((await renderEarlyApprovals(library, cached)).size).toBe(0);
    } finally {
      rmSync(path.join(downloadCacheDir, key), { recursive: true, force: true });
    }
  });
});
