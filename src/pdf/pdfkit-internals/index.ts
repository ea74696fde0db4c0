/**
 * Every use of pdfkit's, fontkit's and png-js's private or undocumented API
 * in PSHE Kit, one patch a file, each behind a check of the installed version
 * (versions.ts). The rest of src/pdf calls only pdfkit's public API and
 * these functions. Patches with a fallback take it, with one warning, on a
 * version they were not tested for; those without one throw when the first
 * document is opened (`checkRequiredInternals`). docs/decisions.md lists them.
 */
export {
  applySharedGlyphCache,
  fontkitSubsetMethods,
  glyphCachePatch,
  removeSharedGlyphCache,
  sharedGlyphCacheStats,
} from './glyph-cache.ts';
export {
  applySharedLayoutCache,
  layoutCachePatch,
  pdfkitLayout,
  removeSharedLayoutCache,
  sharedLayoutCacheStats,
} from './layout-cache.ts';
export {
  directOutputPatch,
  directOutputPatched,
  documentBytes,
  patchContentStreams,
  removeDirectOutput,
  setDirectOutput,
  setStreamDeflater,
  writeDirectly,
} from './direct-output.ts';
export { checkPageContent, contentMark, drawBehind, pageContentPatch } from './page-content.ts';
export {
  recordDrawing,
  replayDrawing,
  replayedDrawings,
  repeatDrawingPatch,
  type Recording,
} from './repeat-drawing.ts';
export { lastRowBottom, startNextRowAt, tableRowsPatch } from './table-rows.ts';
export { documentEndPatch, documentWaiting } from './document-end.ts';
export { checkOpenImage, drawImage, openImage, openImagePatch, type PdfImage } from './open-image.ts';
export {
  forceFallback,
  installedVersions,
  mayPatch,
  mismatch,
  requirePatch,
  setWarn,
  type InstalledVersions,
} from './versions.ts';

import { documentEndPatch } from './document-end.ts';
import { directOutputPatch } from './direct-output.ts';
import { glyphCachePatch } from './glyph-cache.ts';
import { layoutCachePatch } from './layout-cache.ts';
import { repeatDrawingPatch } from './repeat-drawing.ts';
import { checkOpenImage } from './open-image.ts';
import { checkPageContent } from './page-content.ts';
import { tableRowsPatch } from './table-rows.ts';
import { mayPatch, type InstalledVersions } from './versions.ts';

// Warn now, when the renderer is loaded, rather than when a patch is first reached: the main
// thread of a build may hand every document to its workers, and workers do not warn.
for (const patch of [
  layoutCachePatch,
  glyphCachePatch,
  directOutputPatch,
  tableRowsPatch,
  documentEndPatch,
  repeatDrawingPatch,
]) {
  mayPatch(patch);
}

/** Throw, naming the version mismatch, when a patch with no fallback was not tested for what is installed. */
export function checkRequiredInternals(versions?: InstalledVersions): void {
  checkPageContent(versions);
  checkOpenImage(versions);
}
