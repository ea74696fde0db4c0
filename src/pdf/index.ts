export { renderLessonPdfs } from './render-lesson-pdfs.ts';
export { sharedLayoutCacheStats } from './shared-layout-cache.ts';
export { sharedGlyphCacheStats } from './shared-glyph-cache.ts';
export { creationDate } from './document.ts';
export type { PdfFile } from './types.ts';
