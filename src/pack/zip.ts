import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

/** One file to put in a pack. */
export interface PackEntry {
  path: string;
  bytes: Uint8Array;
}

/** The fixed time written on every zip entry, so the same input gives the same bytes. */
export function fixedDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  // Zip times are local DOS times from 1980; keep to a whole-second UTC date after that.
  return Number.isFinite(epoch) && epoch > 315_532_800 ? new Date(epoch * 1000) : new Date('2026-01-01T00:00:00Z');
}

/** Files that are already compressed are stored as they are (feasibility.md: no gain, much time). */
const stored = /\.(pdf|pptx|zip|png|jpe?g|woff2?)$/i;

/**
 * Zip entries reproducibly: sorted paths, fixed times, stored for compressed
 * formats and deflated for text. Pure: entries in, bytes out.
 */
export function zipEntries(entries: readonly PackEntry[]): Uint8Array {
  const mtime = fixedDate();
  const files: Zippable = {};
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    files[entry.path] = [entry.bytes, { level: stored.test(entry.path) ? 0 : 6, mtime }];
  }
  return zipSync(files, { mtime });
}
