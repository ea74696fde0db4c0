import type { RuleId } from './lesson/rules.ts';
import { limits } from './limits.ts';

/**
 * Whether bytes are an image PSHE Kit draws: a PNG or JPEG within the
 * library's byte and pixel limits (src/limits.ts), by its header, before
 * anything decodes it. No file system: the library's file gate
 * (src/library-file.ts) reads the file, the browser's `/personalise/` page
 * takes a logo from a file input, and both ask here, with the same messages.
 */

/** Why a named file was refused, in a teacher's words. */
export interface FileProblem {
  ruleId: RuleId;
  /** What is wrong, naming the file as written, without a full stop (renderers add what they do instead). */
  reason: string;
  /** The whole message: the reason and what to do. */
  message: string;
  /** The file is there and within the limits, but is not a PNG or JPEG the header of which can be read. */
  format?: boolean;
  /** The real path, when the name was resolved inside its root before it was refused. */
  file?: string;
  /** For a file that is not there: the path it would have, inside the root (caches watch for it). */
  missing?: string;
}

export function problem(ruleId: RuleId, reason: string, advice: string, format?: boolean): FileProblem {
  return { ruleId, reason, message: `${reason}. ${advice}`, ...(format ? { format } : {}) };
}

const MB = 1024 * 1024;
export const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;

/** A PNG's or JPEG's type and size from its first bytes, or undefined. */
export function imageHeader(bytes: Uint8Array): { type: 'png' | 'jpeg'; width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  // A JPEG's size is in its first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC).
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

/**
 * An image's type and size, or why it is not used: over the byte limit, not a
 * PNG or JPEG, or over the pixel limits. `shown` names it in messages
 * (`The logo \`crest.gif\``), `what` is what it is (`image` or `logo`).
 */
export function checkImageBytes(
  bytes: Uint8Array,
  shown: string,
  what: 'image' | 'logo',
  /** The file's size, when only part of it was read (a file too large to read in full). */
  size = bytes.length,
):
  | { header: NonNullable<ReturnType<typeof imageHeader>>; problem?: undefined }
  | { header?: undefined; problem: FileProblem } {
  if (size > limits.imageBytes.value) {
    return {
      problem: problem(
        'image-too-large',
        `${shown} is ${megabytes(size)}; images over ${megabytes(limits.imageBytes.value)} are not used`,
        'Save a smaller copy.',
      ),
    };
  }
  const header = imageHeader(bytes);
  if (!header || header.width === 0 || header.height === 0) {
    return {
      problem: problem(
        'image-not-found',
        `${shown} is not a PNG or JPEG file`,
        `Save the ${what} as PNG or JPEG.`,
        true,
      ),
    };
  }
  const side = limits.imageSide.value;
  const pixels = limits.imagePixels.value;
  if (header.width > side || header.height > side || header.width * header.height > pixels) {
    return {
      problem: problem(
        'image-too-large',
        `${shown} is ${header.width} × ${header.height} pixels; images over ${side} pixels wide or high, or ${pixels / 1_000_000} million pixels in all, are not used`,
        'Save a smaller copy.',
      ),
    };
  }
  return { header };
}

type ImageKind = 'image' | 'logo';
const wordsFor = (name: string, kind: ImageKind) => ({
  what: kind,
  shown: `The ${kind} \`${name}\``,
  next: kind === 'logo' ? 'the school profile' : 'the lesson',
});

/**
 * What a name written in a library (a lesson's `![alt](name)`, the school's `logo`) says before any
 * file is looked at: an address rather than a file (`image-remote`), or a name that cannot be read
 * (`image-path-invalid`); otherwise the name as a path (a lesson image's URL percent-decoded).
 */
export function checkImageName(
  name: string,
  kind: ImageKind,
  options: { decode: boolean },
): { written: string; problem?: undefined } | { written?: undefined; problem: FileProblem } {
  const { what, shown, next } = wordsFor(name, kind);
  if (/^[a-z][a-z0-9+.-]*:/i.test(name) || name.startsWith('//')) {
    return {
      problem: problem(
        'image-remote',
        `${shown} is not a file next to ${next}; only local images can be used`,
        `Save the ${what} next to ${next} and give its file name.`,
      ),
    };
  }
  let written = name;
  if (options.decode) {
    try {
      written = decodeURI(name.split(/[?#]/)[0]);
    } catch {
      written = '\0';
    }
  }
  if (written.includes('\0')) {
    return {
      problem: problem(
        'image-path-invalid',
        `${shown} is not a file name that can be read (a \`%\` must be followed by two hex digits, such as \`%20\` for a space)`,
        'Rename the file or correct the name.',
      ),
    };
  }
  return { written };
}

/** A name that leads outside the library (a lesson image) or the school profile's folder (the logo). */
export function outsideProblem(name: string, kind: ImageKind): FileProblem {
  const { shown } = wordsFor(name, kind);
  return problem(
    'image-outside-library',
    kind === 'logo'
      ? `${shown} is outside the folder that holds the school profile`
      : `${shown} is outside the library folder`,
    kind === 'logo'
      ? 'Put the logo, a PNG or JPEG file, in the same folder as the school profile (or a folder inside it) and give its file name.'
      : "Copy the image into the library (next to the lesson is best) and name it from the lesson's folder.",
  );
}

/** A name with no file there. */
export function notFoundProblem(name: string, kind: ImageKind): FileProblem {
  const { what, shown, next } = wordsFor(name, kind);
  return problem(
    'image-not-found',
    `${shown} was not found next to ${next}`,
    `Check the file name, or put the ${what} there.`,
  );
}
