import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RuleId } from './lesson/rules.ts';
import { limits } from './limits.ts';
import { readBounded } from './lesson/read-file.ts';

/**
 * The one gate for every file a library names (issue 11): lesson images, the
 * school's logo, lesson files and unit.yaml. A name is resolved, then
 * followed through every link (`realpath`) and must still lie inside its
 * root (the library folder, or the school profile's folder); it must be a
 * regular file, and an image must be within the byte and pixel limits
 * (`src/limits.ts`) before anything decodes it. The loader reports
 * each refusal where the name is written; the renderers ask again and show
 * the image's description instead, so no bytes from outside ever reach an
 * output even if the loader were bypassed.
 */

/** An image a library names, as the PDFs, the PowerPoint and the site place it. */
export interface LessonImage {
  bytes: Uint8Array;
  type: 'png' | 'jpeg';
  /** Pixels. */
  width: number;
  height: number;
  /** The file read: its real path, every link followed (what caches key on). */
  file: string;
}

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

/** Where a name is looked up: the folder it is relative to, and the folder it must stay inside. */
export interface Scope {
  /** The folder the name is relative to (the lesson's folder; the school profile's folder). */
  base: string;
  /** The folder every file must lie inside, links followed (the library; the school profile's folder). */
  root: string;
  /** What the name is, for messages: `image` (lesson images) or `logo`. */
  kind?: 'image' | 'logo';
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;

/** Something (a file, a folder, a link, even a dangling one) is at `file`. */
function existsNoFollow(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** `child` is `parent` or lies below it (both absolute and normalised). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function problem(ruleId: RuleId, reason: string, advice: string, format?: boolean): FileProblem {
  return { ruleId, reason, message: `${reason}. ${advice}`, ...(format ? { format } : {}) };
}

/**
 * Resolve a name written in a library to the real path of the file it means,
 * inside `scope.root`. A lesson image's URL is percent-decoded first (`decode`);
 * a logo is a plain file name. Returns the real path, or why it was refused.
 */
export function resolveLibraryFile(
  scope: Scope,
  name: string,
  options: { decode: boolean },
): { file: string; problem?: undefined } | { file?: undefined; problem: FileProblem } {
  const what = scope.kind === 'logo' ? 'logo' : 'image';
  const shown = `The ${what} \`${name}\``;
  const next = scope.kind === 'logo' ? 'the school profile' : 'the lesson';
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
  const outside = problem(
    'image-outside-library',
    scope.kind === 'logo'
      ? `${shown} is outside the folder that holds the school profile`
      : `${shown} is outside the library folder`,
    scope.kind === 'logo'
      ? 'Put the logo, a PNG or JPEG file, in the same folder as the school profile (or a folder inside it) and give its file name.'
      : "Copy the image into the library (next to the lesson is best) and name it from the lesson's folder.",
  );
  const root = path.resolve(scope.root);
  const file = path.resolve(scope.base, written);
  // Refused before it is looked at, so nothing is said about files outside.
  if (!isInside(root, file)) return { problem: outside };
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(file);
  } catch {
    return {
      problem: {
        ...problem(
          'image-not-found',
          `${shown} was not found next to ${next}`,
          `Check the file name, or put the ${what} there.`,
        ),
        // Only a name with nothing at all there (not a dangling link, whose target could appear anywhere).
        ...(existsNoFollow(file) ? {} : { missing: file }),
      },
    };
  }
  if (!isInside(realRoot, real)) return { problem: outside };
  return { file: real };
}

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

/** A located check of a library's own file (a lesson, unit.yaml): inside the library, and a regular file. */
export function checkLibraryFile(
  file: string,
  root: string,
): { real: string; problem?: undefined } | { real?: undefined; problem: { ruleId: RuleId; message: string } } {
  const name = path.basename(file);
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: { ruleId: 'file-unreadable', message: `The file could not be read (${reason}).` } };
  }
  if (!isInside(realpathSync(root), real)) {
    return {
      problem: {
        ruleId: 'file-outside-library',
        message: `${name} is a link to a file outside the library folder, so it is not read. Copy the file into the library instead of linking to it.`,
      },
    };
  }
  let isFile = false;
  try {
    isFile = statSync(real).isFile();
  } catch {
    // Reported below.
  }
  if (!isFile) {
    return {
      problem: {
        ruleId: 'file-unreadable',
        message: `${name} is not a file (a folder, a named pipe or a device), so it is not read. Rename or remove it.`,
      },
    };
  }
  return { real };
}

/**
 * Read an image a library names (`![alt](diagram.png)` in a lesson, the
 * school's `logo`) through the gate: resolved inside `scope.root`, a regular
 * file within `limits.imageBytes`, a PNG or JPEG within `limits.imagePixels`
 * and `limits.imageSide` by its header. Returns the image, or why it was refused.
 */
export function readLibraryImage(
  scope: Scope,
  name: string,
  options: { decode: boolean } = { decode: scope.kind !== 'logo' },
): { image: LessonImage; problem?: undefined } | { image?: undefined; problem: FileProblem } {
  const resolved = resolveLibraryFile(scope, name, options);
  if (resolved.problem) return { problem: resolved.problem };
  const what = scope.kind === 'logo' ? 'logo' : 'image';
  const shown = `The ${what} \`${name}\``;
  const next = scope.kind === 'logo' ? 'the school profile' : 'the lesson';
  const read = readBounded(resolved.file, limits.imageBytes.value, { noFollow: true });
  const refused = (found: FileProblem) => ({ problem: { ...found, file: resolved.file } });
  if (!read.bytes) {
    if (read.kind === 'not-a-file') {
      return refused(
        problem(
          'image-not-a-file',
          `${shown} is a folder or a device, not a file`,
          `Give the file name of a PNG or JPEG ${what}.`,
        ),
      );
    }
    if (read.kind === 'too-large') {
      return refused(
        problem(
          'image-too-large',
          `${shown} is ${megabytes(read.size ?? 0)}; images over ${megabytes(limits.imageBytes.value)} are not used`,
          'Save a smaller copy.',
        ),
      );
    }
    return refused(problem('image-not-found', `${shown} could not be read next to ${next}`, 'Check the file.'));
  }
  const header = imageHeader(read.bytes);
  if (!header || header.width === 0 || header.height === 0) {
    return refused(
      problem('image-not-found', `${shown} is not a PNG or JPEG file`, `Save the ${what} as PNG or JPEG.`, true),
    );
  }
  const side = limits.imageSide.value;
  const pixels = limits.imagePixels.value;
  if (header.width > side || header.height > side || header.width * header.height > pixels) {
    return refused(
      problem(
        'image-too-large',
        `${shown} is ${header.width} × ${header.height} pixels; images over ${side} pixels wide or high, or ${pixels / 1_000_000} million pixels in all, are not used`,
        'Save a smaller copy.',
      ),
    );
  }
  return { image: { bytes: read.bytes, ...header, file: resolved.file } };
}

/**
 * The scope of the images of a lesson in `folder` (its unit folder): names are
 * relative to it, and must stay inside the library, the folder above it
 * (lessons live in `<library>/<unit>/`). The loader and every renderer use this.
 */
export function lessonImageScope(folder: string): Scope {
  const base = path.resolve(folder);
  return { base, root: path.dirname(base), kind: 'image' };
}

/**
 * The school's logo for a renderer, from the real path the loader resolved
 * and checked (`school.logo`): read again through the gate, inside the folder
 * it was found in, so a file swapped since is refused.
 */
export function readSchoolLogo(logo: string): ReturnType<typeof readLibraryImage> {
  const folder = path.dirname(logo);
  return readLibraryImage({ base: folder, root: folder, kind: 'logo' }, path.basename(logo), { decode: false });
}
