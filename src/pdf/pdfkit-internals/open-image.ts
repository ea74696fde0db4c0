import type { Doc } from '../types.ts';
import { decodePixelsNow } from './png-pixels.ts';
import { requirePatch, type InstalledVersions, type Patch } from './versions.ts';

/**
 * Images opened once and drawn from the opened object: `doc.openImage(bytes)`
 * (pdfkit's own, not in its typings) gives pdfkit's `PNGImage` or
 * `JPEGImage`, whose size the renderer reads to scale it and whose PNG
 * pixels png-pixels.ts decodes at once (png-js's `decodePixels`), and
 * `doc.image` takes that object instead of bytes. Without it an image with
 * transparency would leave its document unfinished, so there is no
 * fallback: on a pdfkit or png-js it was not tested for, `checkOpenImage`
 * throws when the first document is opened.
 * Written and tested for pdfkit 0.20.2 with png-js 2.0.0 (tests/pdf/pdfkit-internals.test.ts).
 */
export const openImagePatch: Patch = {
  name: "opened images (pdfkit's openImage and png-js's PNG)",
  without: 'no fallback',
  tested: { pdfkit: ['0.20.2'], 'png-js': ['2.0.0'] },
};

/** An image pdfkit has opened; `doc.image` takes it as it is, instead of parsing the bytes again. */
export interface PdfImage {
  width: number;
  height: number;
}

/** Throw, naming the versions, when pdfkit or png-js is not one this was tested for. `versions` is for tests. */
export function checkOpenImage(versions?: InstalledVersions): void {
  requirePatch(openImagePatch, versions);
}

/** pdfkit's image object for a PNG or JPEG. Throws if the image cannot be read. */
export function openImage(doc: Doc, bytes: Uint8Array): PdfImage {
  checkOpenImage();
  const image = (doc as unknown as { openImage(src: Uint8Array): PdfImage }).openImage(bytes);
  // Any pixels pdfkit needs are decoded now, so the image is embedded where it is drawn and the document can end.
  decodePixelsNow(image);
  return image;
}

/** Draw an image from {@link openImage} (pdfkit's `doc.image` with the opened object). */
export function drawImage(doc: Doc, image: PdfImage, x: number, y: number, options: PDFKit.Mixins.ImageOption): void {
  doc.image(image as unknown as Buffer, x, y, options);
}
