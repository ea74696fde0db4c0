/** Moved to pdfkit-internals/glyph-cache.ts (every touch of fontkit internals is there); kept for the modules that import it here. */
export { applySharedGlyphCache, fontkitSubsetMethods, sharedGlyphCacheStats } from './pdfkit-internals/index.ts';
