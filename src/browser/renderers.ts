/**
 * What the render worker runs, loaded by it once the page has handed over the
 * installed versions (the patches in src/pdf/pdfkit-internals check them as
 * their modules load): the school profile's loader, the renaming, and every
 * lesson file's renderer, as `pshe build` runs them.
 */
export { loadDocument } from '../lesson/load-document.ts';
export { nameGlyphProblem } from '../lesson/name-glyphs.ts';
export { renameCharacters } from '../lesson/rename.ts';
export { renderLessonFiles } from '../pipeline/render-downloads.ts';
