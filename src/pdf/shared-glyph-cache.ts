import type { Font } from 'fontkit';

/**
 * fontkit's TrueType subsetter (`TTFSubset`), run once per font per PDF when
 * pdfkit embeds it, decodes every glyph it includes again from the font file
 * with restructure: a quarter of the cost of finishing a document. With the
 * fonts parsed once per thread (fonts.ts), that work is the same in every
 * document, so this patch keeps each glyph's bytes, components and metrics
 * per fontkit `Font` and builds the subset from them. The subset written is
 * byte for byte what fontkit writes (tests/pdf/shared-glyph-cache.test.ts).
 *
 * `TTFSubset` is not exported; it is reached through `font.createSubset()`.
 * Variable fonts (which re-encode glyph outlines) keep fontkit's own method.
 * fontkit is pinned with pdfkit; the test fails if the patch stops applying.
 */

interface Component {
  glyphID: number;
  pos: number;
}

interface GlyphEntry {
  bytes: Uint8Array;
  components?: Component[];
  advance: number;
  bearing: number;
}

interface FontLike {
  getGlyph(id: number): {
    _decode(): { numberOfContours: number; components?: Component[] } | null;
    advanceWidth: number;
    _getMetrics(): { leftBearing: number };
  };
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
  _glyphs: Record<number, unknown>;
}

interface TtfSubsetLike {
  font: FontLike;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
}

const glyphs = new WeakMap<object, Map<number, GlyphEntry>>();
const stats = { hits: 0, misses: 0 };
let original: ((this: TtfSubsetLike, id: number) => number) | undefined;

/**
 * What fontkit's `_addGlyph` reads for a glyph, read once. fontkit keeps
 * every glyph object it makes, with the characters it was made for; a glyph
 * first made here (a part of an accented letter, say) would have none, and
 * pdfkit would then leave that letter out of the text map of every later
 * document, so copy-paste and screen readers would lose it. So a glyph that
 * fontkit had not made yet is not kept.
 */
function readGlyph(font: FontLike, id: number): GlyphEntry {
  const known = id in font._glyphs;
  const glyph = font.getGlyph(id);
  const outline = glyph._decode();
  const start = font.loca.offsets[id];
  const stream = font._getTableStream('glyf');
  stream.pos += start;
  const bytes = stream.readBuffer(font.loca.offsets[id + 1] - start);
  const compound = outline !== null && outline.numberOfContours < 0;
  const entry = {
    bytes,
    components: compound ? outline.components!.map(({ glyphID, pos }) => ({ glyphID, pos })) : undefined,
    advance: glyph.advanceWidth,
    bearing: glyph._getMetrics().leftBearing,
  };
  if (!known) delete font._glyphs[id];
  return entry;
}

function sharedAddGlyph(this: TtfSubsetLike, id: number): number {
  if (this.font._variationProcessor) return original!.call(this, id);
  let cache = glyphs.get(this.font);
  if (!cache) {
    cache = new Map();
    glyphs.set(this.font, cache);
  }
  let entry = cache.get(id);
  if (entry) stats.hits++;
  else {
    stats.misses++;
    entry = readGlyph(this.font, id);
    cache.set(id, entry);
  }
  let bytes = entry.bytes;
  if (entry.components) {
    // A compound glyph names its parts by glyph id: point them at their ids in this subset.
    bytes = new Uint8Array(bytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const component of entry.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
  }
  this.glyf.push(bytes);
  this.loca.offsets.push(this.offset);
  this.hmtx.metrics.push({ advance: entry.advance, bearing: entry.bearing });
  this.offset += bytes.length;
  return this.glyf.length - 1;
}

/**
 * Patch fontkit's TrueType subsetter, found through `font.createSubset()`, to
 * read each glyph once per font. Idempotent.
 * @returns true when the patch is in place; false when fontkit's shape has
 * changed and embedding goes on unpatched (correct, only slower).
 */
export function applySharedGlyphCache(font: Font): boolean {
  if (original) return true;
  const subset = (font as unknown as { createSubset?: () => object }).createSubset?.();
  const prototype = subset && (Object.getPrototypeOf(subset) as Partial<TtfSubsetLike> | null);
  if (!prototype || typeof prototype._addGlyph !== 'function' || typeof prototype.includeGlyph !== 'function') {
    return false;
  }
  original = prototype._addGlyph;
  prototype._addGlyph = sharedAddGlyph;
  return true;
}

/** fontkit's own `_addGlyph`, once the patch is applied: tests compare the two. */
export function fontkitAddGlyph(): ((this: unknown, id: number) => number) | undefined {
  return original as ((this: unknown, id: number) => number) | undefined;
}

/** How often the shared glyph cache answered (for tests and the benchmark). */
export function sharedGlyphCacheStats(): { patched: boolean; hits: number; misses: number } {
  return { patched: original !== undefined, ...stats };
}
