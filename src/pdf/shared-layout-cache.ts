/** Moved to pdfkit-internals/layout-cache.ts (every touch of pdfkit internals is there); kept for the modules that import it here. */
export { applySharedLayoutCache, pdfkitLayout, sharedLayoutCacheStats } from './pdfkit-internals/index.ts';
