import { inflateSync, unzlibSync } from 'fflate';
import { deflate, zlib } from 'libdeflate';

/**
 * The one deflate of every file PSHE Kit makes (PDF streams, the parts of a
 * Word document or a PowerPoint, packs), in `pshe build` and in the browser
 * alike. Two deflaters give two sets of bytes for the same input, and a file
 * made on the site must equal the one the build makes; so it is libdeflate,
 * compiled to WebAssembly (the `libdeflate` package), which runs the same
 * code in Node and in a browser and is about as fast as Node's native zlib
 * on these streams, for smaller files (fflate, a JavaScript deflate, was
 * three times slower; docs/benchmarks.md, 2026-12-02). Inflating needs no
 * such care: every inflater gives the same bytes, so fflate's is used.
 */

/** Raw DEFLATE (RFC 1951), as zip entries hold it; `level` 1–12. */
export const deflateRaw = (bytes: Uint8Array, level: number): Uint8Array => deflate(bytes, level);

/** DEFLATE in a zlib wrapper (RFC 1950), as PDF's FlateDecode streams hold it; `level` 1–12. */
export const deflateZlib = (bytes: Uint8Array, level: number): Uint8Array => zlib(bytes, level);

/** The bytes of a zlib stream (RFC 1950), as a PNG's image data holds them. */
export const inflateZlib = (bytes: Uint8Array): Uint8Array => unzlibSync(bytes);

/** The bytes of a raw DEFLATE stream (RFC 1951). */
export const inflateRaw = (bytes: Uint8Array): Uint8Array => inflateSync(bytes);

export { crc32 } from '#crc32';
