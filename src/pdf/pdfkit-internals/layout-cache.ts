import type { Doc } from '../types.ts';
import { mayPatch, type InstalledVersions, type Patch } from './versions.ts';

/**
 * pdfkit's `EmbeddedFont` caches the glyph layout of each word per document.
 * Fonts are parsed once per process (fonts.ts), so every new document would
 * still shape the same words again with fontkit. This patch keeps the cache
 * per fontkit `Font`, shared by every document that uses it: 2.4× faster PDFs
 * (research/feasibility.md, "The pdfkit tweaks"). It is safe because a layout
 * run depends only on the font and the text (pdfkit scales it by
 * `1000 / unitsPerEm`, a property of the font).
 *
 * Its `layout`, which splits text into words and joins their cached runs, is
 * replaced too: pdfkit's joins them with `concat`, copying the line's glyphs
 * again for every word, and reads each word's width through fontkit's getter,
 * which adds up the glyphs' advances on every read.
 *
 * `EmbeddedFont` is not exported, so it is reached through a document's current
 * font, once (`doc._font`). Written and tested for pdfkit 0.20.2; on another
 * version pdfkit's own layout is used (tests/pdf/pdfkit-internals.test.ts).
 */

export const layoutCachePatch: Patch = {
  name: "the shared layout cache (pdfkit's EmbeddedFont.layout)",
  without: 'PDFs are made more slowly, with the same bytes',
  tested: { pdfkit: ['0.20.2'] },
};

interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

interface EmbeddedFontLike {
  font: object;
  layoutCache?: object;
  layoutRun(text: string, features?: unknown): GlyphRun;
  layoutCached(text: string): GlyphRun;
  layout(
    text: string,
    features?: unknown,
    onlyWidth?: boolean,
  ): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
}

/**
 * Words kept per font before the cache starts afresh, so a huge build cannot grow it without end
 * (pdfkit #1527). 20,000 holds the working vocabulary of a library; at 100,000 a worker's heap grew
 * by about 200 KB a lesson over a 1,000-lesson build (docs/benchmarks.md).
 */
const MAX_WORDS_PER_FONT = 20_000;

const caches = new WeakMap<object, Map<string, GlyphRun>>();
const stats = { hits: 0, misses: 0 };
let patchedPrototype: object | undefined;
let originalLayout: EmbeddedFontLike['layout'] | undefined;
let originalLayoutCached: EmbeddedFontLike['layoutCached'] | undefined;

function sharedLayoutCached(this: EmbeddedFontLike, text: string): GlyphRun {
  // `fontLayoutCache: false` in the document options turns caching off, as in pdfkit.
  if (!this.layoutCache) return this.layoutRun(text);
  let cache = caches.get(this.font);
  if (!cache) {
    cache = new Map();
    caches.set(this.font, cache);
  }
  const cached = cache.get(text);
  if (cached) {
    stats.hits++;
    return cached;
  }
  stats.misses++;
  if (cache.size >= MAX_WORDS_PER_FONT) cache.clear();
  const run = this.layoutRun(text);
  // fontkit's `advanceWidth` is a getter that sums the positions on every read; a cached run
  // never changes, so keep the sum (pdfkit reads it for every word it measures).
  Object.defineProperty(run, 'advanceWidth', { value: run.advanceWidth, enumerable: true });
  cache.set(text, run);
  return run;
}

/**
 * pdfkit's `layout`, the same pieces in the same order (each word with the
 * space or tab after it), without its per-word `concat` of every glyph so far.
 */
function sharedLayout(this: EmbeddedFontLike, text: string, features?: unknown, onlyWidth?: boolean) {
  if (features) return this.layoutRun(text, features);
  const glyphs: unknown[] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  let last = 0;
  const take = (end: number) => {
    const run = this.layoutCached(text.slice(last, end));
    if (glyphs && positions) {
      for (const glyph of run.glyphs) glyphs.push(glyph);
      for (const position of run.positions) positions.push(position);
    }
    advanceWidth += run.advanceWidth;
    last = end;
  };
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9) take(index + 1);
  }
  if (last < text.length) take(text.length);
  return { glyphs, positions, advanceWidth };
}

/**
 * Patch pdfkit's EmbeddedFont (found through `doc._font`, which must be an
 * embedded font) to share its layout cache. Idempotent.
 * @returns true when the patch is in place; false when pdfkit is not a
 * version it was tested for, or its shape has changed, and rendering goes on
 * unpatched (correct, only slower). `versions` is for tests.
 */
export function applySharedLayoutCache(doc: Doc, versions?: InstalledVersions): boolean {
  if (!mayPatch(layoutCachePatch, versions)) return false;
  if (patchedPrototype) return true;
  const font = (doc as unknown as { _font?: object })._font;
  if (!font) return false;
  const prototype = Object.getPrototypeOf(font) as Partial<EmbeddedFontLike> | null;
  if (
    !prototype ||
    typeof prototype.layoutCached !== 'function' ||
    typeof prototype.layoutRun !== 'function' ||
    typeof prototype.layout !== 'function'
  ) {
    return false;
  }
  originalLayout = prototype.layout;
  originalLayoutCached = prototype.layoutCached;
  prototype.layoutCached = sharedLayoutCached;
  prototype.layout = sharedLayout;
  patchedPrototype = prototype;
  return true;
}

/** Put pdfkit's own methods back (tests: to compare, and to try the fallback). */
export function removeSharedLayoutCache(): void {
  if (!patchedPrototype) return;
  Object.assign(patchedPrototype, { layout: originalLayout, layoutCached: originalLayoutCached });
  patchedPrototype = undefined;
  originalLayout = undefined;
  originalLayoutCached = undefined;
}

/** pdfkit's own `layout`, once the patch is applied: tests compare the two. */
export function pdfkitLayout(): EmbeddedFontLike['layout'] | undefined {
  return originalLayout;
}

/** Whether the patch is applied, and how often the shared cache answered (for tests and the benchmark). */
export function sharedLayoutCacheStats(): { patched: boolean; hits: number; misses: number } {
  return {
    patched:
      patchedPrototype !== undefined && (patchedPrototype as EmbeddedFontLike).layoutCached === sharedLayoutCached,
    ...stats,
  };
}
