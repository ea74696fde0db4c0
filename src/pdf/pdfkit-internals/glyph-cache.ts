import type { Font } from 'fontkit';
import { mayPatch, type InstalledVersions, type Patch } from './versions.ts';

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
 * Written and tested for fontkit 2.0.4; on another version fontkit's own
 * subsetter is used (tests/pdf/pdfkit-internals.test.ts).
 */

export const glyphCachePatch: Patch = {
  name: "the shared glyph cache (fontkit's TTFSubset)",
  without: 'PDFs are made more slowly, with the same bytes',
  tested: { fontkit: ['2.0.4'] },
};

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
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
  _glyphs: Record<number, unknown>;
  loca: { offsets: number[]; version: number };
  createSubset(): TtfSubsetLike;
}

interface TtfSubsetLike {
  font: FontLike;
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
  encode(): Uint8Array;
}

const glyphs = new WeakMap<object, Map<number, GlyphEntry>>();
const stats = { hits: 0, misses: 0 };
let original: ((this: TtfSubsetLike, id: number) => number) | undefined;
let originalEncode: ((this: TtfSubsetLike) => Uint8Array) | undefined;

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

/** A font's subset file as fontkit lays it out: the directory header, the tables in order, and the tables that never change. */
interface SubsetLayout {
  header: Uint8Array;
  tags: string[];
  tables: Map<string, Uint8Array>;
}

const layouts = new WeakMap<object, SubsetLayout>();

/**
 * fontkit's own subset of the font holding only glyph 0, read back: it gives
 * the table order and the bytes of the tables a subset copies unchanged
 * (`head`, `cvt `, `prep`, `fpgm`) or changes in one count (`hhea`, `maxp`).
 */
function layoutFor(font: FontLike): SubsetLayout {
  let layout = layouts.get(font);
  if (layout) return layout;
  const bytes = originalEncode!.call(font.createSubset());
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tags: string[] = [];
  const tables = new Map<string, Uint8Array>();
  for (let index = 0; index < count; index++) {
    const entry = 12 + index * 16;
    const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4));
    tags.push(tag);
    tables.set(tag, bytes.slice(view.getUint32(entry + 8), view.getUint32(entry + 8) + view.getUint32(entry + 12)));
  }
  layout = { header: bytes.slice(0, 12), tags, tables };
  layouts.set(font, layout);
  return layout;
}

/**
 * fontkit's `TTFSubset.encode`, writing the tables that depend on the glyphs
 * (`glyf`, `loca`, `hmtx`, two counts) directly and copying the rest, where
 * fontkit encodes every table again, byte by byte, with restructure. Same
 * bytes (tests/pdf/shared-glyph-cache.test.ts): the directory is 12 bytes and
 * a 16-byte entry a table (tag, zero checksum, offset, length), then each
 * table in turn with no padding.
 */
function sharedEncode(this: TtfSubsetLike): Uint8Array {
  if (this.font._variationProcessor) return originalEncode!.call(this);
  const layout = layoutFor(this.font);
  this.glyf = [];
  this.offset = 0;
  this.loca = { offsets: [], version: this.font.loca.version };
  this.hmtx = { metrics: [], bearings: [] };
  // Not a for loop: including a compound glyph adds its parts to `glyphs` as it goes.
  let next = 0;
  while (next < this.glyphs.length) this._addGlyph(this.glyphs[next++]);
  this.loca.offsets.push(this.offset);

  const tables = layout.tags.map((tag): Uint8Array => {
    switch (tag) {
      case 'glyf':
        return Buffer.concat(this.glyf);
      case 'loca': {
        const long = this.loca.version !== 0;
        const table = Buffer.alloc(this.loca.offsets.length * (long ? 4 : 2));
        this.loca.offsets.forEach((offset, index) =>
          long ? table.writeUInt32BE(offset, index * 4) : table.writeUInt16BE(offset >>> 1, index * 2),
        );
        return table;
      }
      case 'hmtx': {
        const table = Buffer.alloc(this.hmtx.metrics.length * 4);
        this.hmtx.metrics.forEach((metric, index) => {
          table.writeUInt16BE(metric.advance, index * 4);
          table.writeInt16BE(metric.bearing, index * 4 + 2);
        });
        return table;
      }
      case 'hhea': {
        // numberOfHMetrics, the table's last field (OpenType spec, hhea).
        const table = Buffer.from(layout.tables.get(tag)!);
        table.writeUInt16BE(this.hmtx.metrics.length, 34);
        return table;
      }
      case 'maxp': {
        // numGlyphs, after the 4-byte version (OpenType spec, maxp).
        const table = Buffer.from(layout.tables.get(tag)!);
        table.writeUInt16BE(this.glyf.length, 4);
        return table;
      }
      default:
        return layout.tables.get(tag)!;
    }
  });
  const directory = Buffer.alloc(layout.tags.length * 16);
  let offset = 12 + directory.length;
  layout.tags.forEach((tag, index) => {
    directory.write(tag, index * 16, 'latin1');
    directory.writeUInt32BE(offset, index * 16 + 8);
    directory.writeUInt32BE(tables[index].length, index * 16 + 12);
    offset += tables[index].length;
  });
  return Buffer.concat([layout.header, directory, ...tables]);
}

/**
 * Patch fontkit's TrueType subsetter, found through `font.createSubset()`, to
 * read each glyph once per font. Idempotent.
 * @returns true when the patch is in place; false when fontkit is not a
 * version it was tested for, or its shape has changed, and embedding goes on
 * unpatched (correct, only slower). `versions` is for tests.
 */
export function applySharedGlyphCache(font: Font, versions?: InstalledVersions): boolean {
  if (!mayPatch(glyphCachePatch, versions)) return false;
  if (original) return true;
  const subset = (font as unknown as { createSubset?: () => object }).createSubset?.();
  const prototype = subset && (Object.getPrototypeOf(subset) as Partial<TtfSubsetLike> | null);
  if (
    !prototype ||
    typeof prototype._addGlyph !== 'function' ||
    typeof prototype.includeGlyph !== 'function' ||
    typeof prototype.encode !== 'function'
  ) {
    return false;
  }
  original = prototype._addGlyph;
  originalEncode = prototype.encode;
  prototype._addGlyph = sharedAddGlyph;
  prototype.encode = sharedEncode;
  patchedPrototype = prototype;
  return true;
}

let patchedPrototype: Partial<TtfSubsetLike> | undefined;

/** Put fontkit's own methods back (tests: to compare, and to try the fallback). */
export function removeSharedGlyphCache(): void {
  if (!patchedPrototype) return;
  Object.assign(patchedPrototype, { _addGlyph: original, encode: originalEncode });
  patchedPrototype = undefined;
  original = undefined;
  originalEncode = undefined;
}

/** fontkit's own `_addGlyph` and `encode`, once the patch is applied: tests compare the two. */
export function fontkitSubsetMethods(): { _addGlyph: unknown; encode: unknown } | undefined {
  return original && originalEncode ? { _addGlyph: original, encode: originalEncode } : undefined;
}

/** How often the shared glyph cache answered (for tests and the benchmark). */
export function sharedGlyphCacheStats(): { patched: boolean; hits: number; misses: number } {
  return { patched: original !== undefined, ...stats };
}
