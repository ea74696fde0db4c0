import type { Doc } from '../types.ts';
import { mayPatch, type InstalledVersions, type Patch } from './versions.ts';

/**
 * Whether `doc.end()` left the document waiting for objects still open (a
 * structure element never attached, an image never written): pdfkit then
 * sets `_ended` and never emits `end`. Read right after `doc.end()`, so that
 * `closeDocument` fails with a message instead of hanging. On a pdfkit this
 * was not tested for it answers false: the output is the same, and such a bug
 * would hang instead of failing.
 * Written and tested for pdfkit 0.20.2 (tests/pdf/pdfkit-internals.test.ts).
 */
export const documentEndPatch: Patch = {
  name: "the unfinished-document check (pdfkit's PDFDocument._ended)",
  without: 'a document left unfinished by a bug waits instead of failing',
  tested: { pdfkit: ['0.20.2'] },
};

/** True when `doc.end()` has been called and pdfkit is still waiting for objects. `versions` is for tests. */
export function documentWaiting(doc: Doc, versions?: InstalledVersions): boolean {
  if (!mayPatch(documentEndPatch, versions)) return false;
  return (doc as unknown as { _ended?: unknown })._ended === true;
}
