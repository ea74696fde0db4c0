import { deflateZlib } from '../../deflate.ts';
import type { Doc } from '../types.ts';
import { mayPatch, type InstalledVersions, type Patch } from './versions.ts';

/**
 * pdfkit turns every string it writes into a small byte array at once: each
 * drawing operator of a page's content stream (`PDFReference.write`), and
 * each line of the file it pushes through its Readable stream
 * (`PDFDocument._write`). Thousands of tiny arrays a page, and a stream
 * event each, are a tenth of the time it takes to finish a document. Here
 * the strings are kept as they are and turned into bytes once, in one piece:
 * content streams when pdfkit finalises them, the file when it ends. The
 * bytes are the same (tests/pdf/direct-output.test.ts): pdfkit keeps the low
 * byte of each character, and so does Node's `latin1`.
 *
 * `PDFReference` is not exported; it is reached through a page's content
 * stream, once; the document's `_write` and `_offset` are replaced per
 * document. Written and tested for pdfkit 0.20.2; on another version pdfkit
 * writes as usual (tests/pdf/pdfkit-internals.test.ts).
 */

export const directOutputPatch: Patch = {
  name: "direct output (pdfkit's PDFReference.write and PDFDocument._write)",
  without: 'PDFs are made more slowly, with the same bytes',
  tested: { pdfkit: ['0.20.2'] },
};

type Chunk = string | Uint8Array;

interface ReferenceLike {
  document?: { _security?: unknown };
  buffer: Chunk[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: Chunk): void;
  finalize(): void;
}

interface DocumentLike {
  page?: { content?: object };
  _offset: number;
  _write(data: Chunk): void;
}

let originals: { write: ReferenceLike['write']; finalize: ReferenceLike['finalize'] } | undefined;
let enabled = true;

/** Join runs of strings into byte arrays, keeping byte arrays as they are. */
function toBytes(chunks: readonly Chunk[]): Uint8Array[] {
  const bytes: Uint8Array[] = [];
  let text = '';
  for (const chunk of chunks) {
    if (typeof chunk === 'string') text += chunk;
    else {
      if (text) bytes.push(Buffer.from(text, 'latin1'));
      text = '';
      bytes.push(chunk);
    }
  }
  if (text) bytes.push(Buffer.from(text, 'latin1'));
  return bytes;
}

function write(this: ReferenceLike, chunk: Chunk): void {
  if (!enabled || chunk instanceof Uint8Array) return originals!.write.call(this, chunk);
  // pdfkit's `write` for a string, without the conversion.
  const line = `${chunk}\n`;
  this.uncompressedLength += line.length;
  this.data.Length = (this.data.Length ?? 0) + line.length;
  this.buffer.push(line);
  if (this.compress) this.data.Filter = 'FlateDecode';
}

/**
 * How content streams and fonts are deflated: with the one deflate of every
 * file (src/deflate.ts, the same in Node and a browser), at level 2, which
 * on these small text streams is as fast as zlib's level 1 and smaller than
 * pdfkit's own level 6 (docs/benchmarks.md, 2026-12-02). Any level is valid
 * FlateDecode.
 */
export const STREAM_DEFLATE_LEVEL = 2;

type Deflater = (bytes: Uint8Array) => Uint8Array;
const ownDeflater: Deflater = (bytes) => deflateZlib(bytes, STREAM_DEFLATE_LEVEL);
let streamDeflater = ownDeflater;

/**
 * Deflate streams another way (tests give pdfkit's own, Node's zlib at level 6, to compare bytes
 * with pdfkit unpatched); no argument: the usual one again.
 */
export function setStreamDeflater(deflater: Deflater = ownDeflater): void {
  streamDeflater = deflater;
}

function finalize(this: ReferenceLike): void {
  if (this.buffer.some((chunk) => typeof chunk === 'string')) this.buffer = toBytes(this.buffer);
  if (!enabled || !this.compress || !this.buffer.length || this.document?._security) {
    originals!.finalize.call(this);
    return;
  }
  // Deflate here, at our level, then let pdfkit write the stream as it is.
  this.buffer = [streamDeflater(Buffer.concat(this.buffer as Uint8Array[]))];
  this.data.Filter = 'FlateDecode';
  this.compress = false;
  try {
    originals!.finalize.call(this);
  } finally {
    this.compress = true;
  }
}

/**
 * Keep `doc`'s output in strings until it ends (call right after `new
 * PDFDocument`, and {@link documentBytes} once it has ended), and patch
 * `PDFReference` once for content streams.
 * @returns false when pdfkit is not a version this was tested for, or its
 * shape has changed; the document is then written the usual way (correct,
 * only slower). `versions` is for tests.
 */
export function writeDirectly(doc: Doc, versions?: InstalledVersions): boolean {
  if (!enabled || !mayPatch(directOutputPatch, versions)) return false;
  const target = doc as unknown as DocumentLike;
  if (typeof target._write !== 'function' || typeof target._offset !== 'number') return false;
  const parts: Chunk[] = [];
  written.set(doc, parts);
  target._write = (data: Chunk) => {
    const chunk = data instanceof Uint8Array ? data : `${data}\n`;
    parts.push(chunk);
    target._offset += chunk.length;
  };
  return true;
}

const written = new WeakMap<Doc, Chunk[]>();

/**
 * Patch `PDFReference` (found through the first page's content stream) so
 * that content streams keep strings until finalised. Idempotent.
 */
export function patchContentStreams(doc: Doc, versions?: InstalledVersions): boolean {
  if (!mayPatch(directOutputPatch, versions)) return false;
  if (originals) return true;
  const content = (doc as unknown as DocumentLike).page?.content;
  const prototype = content && (Object.getPrototypeOf(content) as Partial<ReferenceLike> | null);
  if (!prototype || typeof prototype.write !== 'function' || typeof prototype.finalize !== 'function') return false;
  originals = { write: prototype.write, finalize: prototype.finalize };
  prototype.write = write;
  prototype.finalize = finalize;
  patchedPrototype = prototype;
  return true;
}

let patchedPrototype: Partial<ReferenceLike> | undefined;

/** Put `PDFReference`'s own methods back (tests: to try the fallback). */
export function removeDirectOutput(): void {
  if (!patchedPrototype || !originals) return;
  Object.assign(patchedPrototype, originals);
  patchedPrototype = undefined;
  originals = undefined;
}

/** The whole file: what pdfkit streamed before `writeDirectly` (its header line), then the rest. */
export function documentBytes(doc: Doc, streamed: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat([...streamed, ...toBytes(written.get(doc) ?? [])]);
}

/** Whether content streams are patched (for tests). */
export function directOutputPatched(): boolean {
  return originals !== undefined;
}

/** Turn both off or on again (tests compare the bytes with pdfkit's own way). */
export function setDirectOutput(on: boolean): void {
  enabled = on;
}
