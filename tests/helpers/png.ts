import { crc32, deflateSync } from 'node:zlib';

/** One PNG chunk: length, type, data and CRC. */
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A small valid PNG (solid colour), made here so that tests need no fixture files. */
export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x3c)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What {@link encodePng} makes: colour type, bit depth, and the optional PLTE, tRNS and interlacing. */
export interface PngSpec {
  width: number;
  height: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA. */
  colourType: 0 | 2 | 3 | 4 | 6;
  bitDepth?: 1 | 2 | 4 | 8 | 16;
  /** The samples of pixel (x, y), each 0 to 2^bitDepth − 1 (a palette index for colour type 3). */
  pixel: (x: number, y: number) => number[];
  palette?: [number, number, number][];
  /** The tRNS chunk's bytes (for a palette: one alpha a palette entry). */
  transparency?: number[];
  /** Adam7 interlacing. */
  interlaced?: boolean;
  /** The PNG filter type for every row (0 None … 4 Paeth); default Paeth, the hardest. */
  filter?: 0 | 1 | 2 | 3 | 4;
}

const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** A minimal PNG encoder for tests: any colour type, bit depth and filter, optionally Adam7-interlaced. */
export function encodePng(spec: PngSpec): Buffer {
  const { width, height, colourType } = spec;
  const bits = spec.bitDepth ?? 8;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType];
  const bitsPerPixel = bits * channels;
  const step = Math.max(1, bitsPerPixel >> 3);
  const filter = spec.filter ?? 4;
  const rows: Buffer[] = [];
  const passes = spec.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  for (const [x0, y0, dx, dy] of passes) {
    const columns = Math.ceil((width - x0) / dx);
    const count = Math.ceil((height - y0) / dy);
    if (columns <= 0 || count <= 0) continue;
    const rowBytes = Math.ceil((columns * bitsPerPixel) / 8);
    let previous = Buffer.alloc(rowBytes);
    for (let r = 0; r < count; r++) {
      const raw = Buffer.alloc(rowBytes);
      let bit = 0;
      for (let c = 0; c < columns; c++) {
        for (const sample of spec.pixel(x0 + c * dx, y0 + r * dy)) {
          if (bits === 16) raw.writeUInt16BE(sample, bit >> 3);
          else if (bits === 8) raw[bit >> 3] = sample;
          else raw[bit >> 3] |= sample << (8 - bits - (bit & 7));
          bit += bits;
        }
      }
      const out = Buffer.alloc(rowBytes + 1);
      out[0] = filter;
      for (let i = 0; i < rowBytes; i++) {
        const left = i >= step ? raw[i - step] : 0;
        const up = previous[i];
        const upLeft = i >= step ? previous[i - step] : 0;
        const p = left + up - upLeft;
        const paeth =
          Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
            ? left
            : Math.abs(p - up) <= Math.abs(p - upLeft)
              ? up
              : upLeft;
        const predicted = [0, left, up, (left + up) >> 1, paeth][filter];
        out[i + 1] = (raw[i] - predicted) & 0xff;
      }
      rows.push(out);
      previous = raw;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([bits, colourType, 0, 0, spec.interlaced ? 1 : 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(spec.palette ? [chunk('PLTE', Buffer.from(spec.palette.flat()))] : []),
    ...(spec.transparency ? [chunk('tRNS', Buffer.from(spec.transparency))] : []),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
