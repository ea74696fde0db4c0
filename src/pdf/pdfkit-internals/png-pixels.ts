import { inflateZlib } from '../../deflate.ts';

/**
 * pdfkit (0.20.2) embeds most PNGs as they are, but for one with an alpha
 * channel (colour types 4 and 6), a palette with tRNS transparency, or
 * interlacing it needs the pixels, and asks png-js for them: png-js inflates
 * with the asynchronous `zlib.inflate` and answers in a callback. The image
 * object is then still unwritten when the document ends, so `doc.end()` leaves
 * the document waiting (`closeDocument` in document.ts reports that as a
 * structure element never attached), the image's objects would land at the end
 * of the file in whatever order the inflates finish, and a corrupt image
 * throws inside a zlib callback, out of reach of any `try`.
 *
 * Here the pixels are decoded at once, synchronously, when the image is
 * opened, and handed to pdfkit through png-js's `decodePixels`, so pdfkit
 * embeds the image in place, like any other: the same layout png-js gives
 * (one byte a sample, two for 16 bits, rows top to bottom, interlaced passes
 * put in place). PNGs pdfkit embeds without decoding are left untouched.
 */

/** The parts of a png-js `PNG` used here. */
interface PngFile {
  width: number;
  height: number;
  bits: number;
  colorType: number;
  colors: number;
  hasAlphaChannel: boolean;
  interlaceMethod: number;
  imgData: Uint8Array;
  transparency: { indexed?: number[]; grayscale?: number; rgb?: number[] };
  decodePixels(fn: (pixels: Uint8Array) => unknown): unknown;
}

/** The parts of pdfkit's `PNGImage` used here. */
interface PdfkitPng {
  image?: PngFile | null;
  obj?: { data: Record<string, unknown> } | null;
}

/** Adam7: each pass's first column and row and its steps across and down. */
const adam7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * A PNG's pixels, unfiltered and de-interlaced: one byte a sample (bit
 * depths 1 to 8, a sub-byte sample as its value) or two, big-endian (16).
 * Throws if the pixel data is corrupt or short.
 */
export function decodePngPixels(png: PngFile): Uint8Array {
  const { width, height, bits } = png;
  const channels = png.colors + (png.hasAlphaChannel ? 1 : 0);
  const bitsPerPixel = bits * channels;
  const filterStep = Math.max(1, bitsPerPixel >> 3);
  const sampleBytes = bits === 16 ? 2 : 1;
  const pixelBytes = channels * sampleBytes;
  const data = inflateZlib(png.imgData);
  const pixels = new Uint8Array(width * height * pixelBytes);
  const mask = (1 << bits) - 1;
  let pos = 0;
  for (const [x0, y0, dx, dy] of png.interlaceMethod === 1 ? adam7 : [[0, 0, 1, 1] as const]) {
    const columns = Math.ceil((width - x0) / dx);
    const rows = Math.ceil((height - y0) / dy);
    // An empty pass (a small image) has no rows in the data at all.
    if (columns <= 0 || rows <= 0) continue;
    const rowBytes = Math.ceil((columns * bitsPerPixel) / 8);
    let previous = new Uint8Array(rowBytes);
    let row = new Uint8Array(rowBytes);
    for (let r = 0; r < rows; r++) {
      if (pos + 1 + rowBytes > data.length)
        throw new Error('The PNG file is cut short: some of its pixels are missing');
      const filter = data[pos++];
      for (let i = 0; i < rowBytes; i++) {
        const raw = data[pos + i];
        const left = i >= filterStep ? row[i - filterStep] : 0;
        const up = previous[i];
        switch (filter) {
          case 0:
            row[i] = raw;
            break;
          case 1:
            row[i] = raw + left;
            break;
          case 2:
            row[i] = raw + up;
            break;
          case 3:
            row[i] = raw + ((left + up) >> 1);
            break;
          case 4:
            row[i] = raw + paeth(left, up, i >= filterStep ? previous[i - filterStep] : 0);
            break;
          default:
            throw new Error(`The PNG file is damaged: a row has the unknown filter ${filter}`);
        }
      }
      pos += rowBytes;
      const y = y0 + r * dy;
      for (let c = 0; c < columns; c++) {
        const at = (y * width + x0 + c * dx) * pixelBytes;
        if (bits >= 8) pixels.set(row.subarray(c * pixelBytes, (c + 1) * pixelBytes), at);
        else {
          // Bit depths under 8 have one sample a pixel (grey or palette), packed from the high bit.
          const bit = c * bits;
          pixels[at] = (row[bit >> 3] >> (8 - bits - (bit & 7))) & mask;
        }
      }
      [previous, row] = [row, previous];
    }
  }
  return pixels;
}

/** Whether pdfkit will ask png-js for the pixels (PNGImage.embed's own tests, in its order). */
function needsPixels(png: PngFile): boolean {
  const { transparency } = png;
  if (transparency.grayscale == null && !transparency.rgb && (transparency.indexed || png.hasAlphaChannel)) {
    return true;
  }
  return png.interlaceMethod === 1;
}

/**
 * Decode now the pixels pdfkit would otherwise wait for (see above), so the
 * image is embedded as soon as it is drawn. Throws if they cannot be decoded.
 * Does nothing for a JPEG or a PNG pdfkit embeds as it is.
 */
export function decodePixelsNow(image: unknown): void {
  const target = image as PdfkitPng;
  const png = target.image;
  if (!png || typeof png.decodePixels !== 'function' || !needsPixels(png)) return;
  let pixels: Uint8Array | undefined = decodePngPixels(png);
  png.decodePixels = (fn) => {
    let given = pixels ?? decodePngPixels(png);
    pixels = undefined;
    // An interlaced image's pixels become its image data, now one byte a sample: say so, and
    // stretch grey levels (and a grey colour key) to the 8-bit range. Palette indices stay as they are.
    if (png.bits < 8 && png.interlaceMethod === 1 && target.obj) {
      const data = target.obj.data;
      data.BitsPerComponent = 8;
      if (png.colorType === 0) {
        const scale = 255 / ((1 << png.bits) - 1);
        given = given.map((value) => value * scale);
        if (Array.isArray(data.Mask)) data.Mask = data.Mask.map((value: number) => value * scale);
      }
    }
    return fn(given);
  };
}
