import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lesson, Library, Unit } from '../lesson/types.ts';
import { lessonPackFileName } from '../outputs.ts';
import { copyCached, hasCached, unitKey, writeCached } from './download-cache.ts';
import type { RenderedFile } from './render-downloads.ts';
import { renderUnitApprovalFile, renderUnitFiles } from './render-unit-files.ts';

export interface UnitPackOptions {
  /** The cache key part shared by every lesson (renderers, templates, services, school). */
  sharedKey: string;
  useCache: boolean;
  /** The day the approval sheets check help services against (`approvalDay`, ISO). */
  today: string;
}

/** An approval sheet made ahead of its unit's pack, and the unit's cache key it was made for (`unitKey`). */
export interface EarlyApproval {
  key: string;
  file: RenderedFile;
}

/** A unit's lessons that loaded, in its own order; with `downloads`, only those whose pack is there. */
function unitLessons(unit: Unit, byId: ReadonlyMap<string, Lesson>, downloads?: string): Lesson[] {
  return unit.lessons.flatMap((id) => {
    const lesson = byId.get(id);
    return lesson && (!downloads || existsSync(path.join(downloads, id, lessonPackFileName(id)))) ? [lesson] : [];
  });
}

/**
 * Every unit's approval sheet that its pack will need, made while the
 * lessons' downloads are still being rendered (`pshe build` runs this on the
 * main thread once the site is built, beside the download workers). The
 * sheets are most of what a unit's pack costs, and made after the downloads
 * they kept one core busy and the other idle for about 5 % of a cold
 * 1,000-lesson build. Units whose pack is in the cache are left out: it is
 * copied, not made.
 */
export async function renderEarlyApprovals(
  library: Library,
  options: UnitPackOptions,
): Promise<Map<string, EarlyApproval>> {
  const byId = new Map(library.lessons.map((lesson) => [lesson.id, lesson]));
  const made = new Map<string, EarlyApproval>();
  for (const unit of library.units) {
    const lessons = unitLessons(unit, byId);
    const key = unitKey(options.sharedKey, unit, lessons, options.today);
    if (options.useCache && hasCached(key)) continue;
    made.set(unit.id, { key, file: await renderUnitApprovalFile(unit, lessons, library, options.today) });
  }
  return made;
}

/**
 * A zip per unit holding its lessons' packs, read back from the downloads
 * folder, and the unit's approval sheet for the DSL (`<unit>-approval.pdf`,
 * beside the zip and in it); from the cache when the unit, every one of its
 * lessons and the day the sheet checks services against are unchanged (a
 * rebuild then copies 100 files instead of re-reading 1,000 packs). A sheet
 * from `early` is used when it was made for the same unit, lessons and day.
 */
export async function writeUnitPacks(
  downloads: string,
  library: Library,
  options: UnitPackOptions,
  early: ReadonlyMap<string, EarlyApproval> = new Map(),
): Promise<void> {
  const unitsDir = path.join(downloads, 'units');
  mkdirSync(unitsDir, { recursive: true });
  const byId = new Map(library.lessons.map((lesson) => [lesson.id, lesson]));
  for (const unit of library.units) {
    const lessons = unitLessons(unit, byId, downloads);
    const key = unitKey(options.sharedKey, unit, lessons, options.today);
    if (options.useCache && copyCached(key, unitsDir)) continue;
    const members = lessons.map((lesson) => ({
      lesson,
      bytes: readFileSync(path.join(downloads, lesson.id, lessonPackFileName(lesson.id))),
    }));
    const made = early.get(unit.id);
    // The key covers the unit, each lesson's file and what it depends on, and the day.
    const approval = made?.key === key ? made.file : undefined;
    const files = await renderUnitFiles(unit, members, library, options.today, approval);
    for (const file of files) writeFileSync(path.join(unitsDir, file.name), file.bytes);
    writeCached(key, files, unitsDir);
  }
}
