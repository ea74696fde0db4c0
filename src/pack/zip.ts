import { crc32, deflateRaw } from '../deflate.ts';
import { sourceDate, zipDate } from '../source-date.ts';

/** One file to put in a zip. */
export interface PackEntry {
  path: string;
  bytes: Uint8Array;
  /** The bytes already deflated at some level (prepareEntry), for a part written the same in many files. */
  prepared?: PreparedData;
}

/** An entry's bytes deflated ahead of time, with their checksum. */
export interface PreparedData {
  level: number;
  data: Uint8Array;
  crc: number;
}

/** Whether a file is stored as it is rather than deflated. */
const isStored = (entry: PackEntry) => entry.bytes.length === 0 || stored.test(entry.path);

/**
 * Deflate an entry's bytes once, for a part that many files hold the same
 * (a Word document's styles and theme): zipEntries then copies them. The
 * result is the bytes zipEntries would have written itself.
 */
export function prepareEntry(entry: PackEntry, level: number): PackEntry {
  if (isStored(entry)) return entry;
  return { ...entry, prepared: { level, data: deflateRaw(entry.bytes, level), crc: crc32(entry.bytes) } };
}

export interface ZipOptions {
  /**
   * The time written on every entry (default: the build's date, src/source-date.ts), clamped to
   * what a zip can hold (1980–2107).
   */
  date?: Date;
  /** Deflate level for text entries, 1–9 (default 6). */
  level?: number;
}

/** Files that are already compressed are stored as they are (feasibility.md: no gain, much time). */
const stored = /\.(pdf|pptx|docx|zip|png|jpe?g|gif|webp|woff2?)$/i;

/** A zip entry's date and time in MS-DOS form, from the date's UTC fields (the same bytes in every time zone). */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const LIMIT = 0xffff_ffff;

/**
 * Zip entries reproducibly: sorted paths, one fixed time, stored for formats
 * that are already compressed and deflated for the rest. Pure: entries in,
 * bytes out; the same entries give the same bytes.
 *
 * The container is written here because no zip library at hand takes data
 * that is already deflated: this one deflates with Node's zlib, which is
 * native and 3–5× faster than a JavaScript deflate on a PowerPoint's many
 * small XML parts (docs/benchmarks.md). Plain PKZIP (APPNOTE 6.3.10):
 * sizes in the local headers, no data descriptors, no ZIP64, so it refuses
 * more than 4 GiB or 65,535 entries rather than write a broken file.
 */
export function zipEntries(entries: readonly PackEntry[], options: ZipOptions = {}): Uint8Array {
  const { time, day } = dosDateTime(zipDate(options.date ?? sourceDate()));
  const level = options.level ?? 6;
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (sorted.length > 0xffff) throw new Error(`a zip can hold at most 65,535 files here, not ${sorted.length}`);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of sorted) {
    const name = Buffer.from(entry.path, 'utf8');
    const deflate = !isStored(entry);
    const prepared = deflate && entry.prepared?.level === level ? entry.prepared : undefined;
    const data = prepared ? prepared.data : deflate ? deflateRaw(entry.bytes, level) : entry.bytes;
    if (offset > LIMIT || data.length > LIMIT || entry.bytes.length > LIMIT) {
      throw new Error(`${entry.path} does not fit in a zip without ZIP64 (over 4 GiB)`);
    }
    // From "version needed" to the name's length, the local header and the central directory
    // entry hold the same fields: write them once into `common` and copy.
    const common = Buffer.alloc(24);
    common.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
    common.writeUInt16LE(name.length !== entry.path.length ? 0x0800 : 0, 2); // bit 11: UTF-8 name
    common.writeUInt16LE(deflate ? 8 : 0, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(prepared ? prepared.crc : crc32(entry.bytes), 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(entry.bytes.length, 18);
    common.writeUInt16LE(name.length, 22);

    // Local header: signature, the common fields, no extra field.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common.copy(local, 4);

    // Central directory entry: signature, "version made by", the common fields, no extra field,
    // comment, disk number or attributes, then where the local header is.
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    common.copy(header, 6);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);

    chunks.push(local, name, data);
    offset += local.length + name.length + data.length;
  }
  const directorySize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  if (offset > LIMIT) throw new Error('the zip would be over 4 GiB, which needs ZIP64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  const whole = Buffer.concat([...chunks, ...central, end]);
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}
