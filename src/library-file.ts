import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  checkImageBytes,
  checkImageName,
  notFoundProblem,
  outsideProblem,
  problem,
  type FileProblem,
} from './image-check.ts';
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

/** Where a name is looked up: the folder it is relative to, and the folder it must stay inside. */
export interface Scope {
  /** The folder the name is relative to (the lesson's folder; the school profile's folder). */
  base: string;
  /** The folder every file must lie inside, links followed (the library; the school profile's folder). */
  root: string;
  /** What the name is, for messages: `image` (lesson images) or `logo`. */
  kind?: 'image' | 'logo';
}

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
  const named = checkImageName(name, scope.kind ?? 'image', options);
  if (named.problem) return { problem: named.problem };
  const { written } = named;
  const outside = outsideProblem(name, scope.kind ?? 'image');
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
        ...notFoundProblem(name, scope.kind ?? 'image'),
        // Only a name with nothing at all there (not a dangling link, whose target could appear anywhere).
        ...(existsNoFollow(file) ? {} : { missing: file }),
      },
    };
  }
  if (!isInside(realRoot, real)) return { problem: outside };
  return { file: real };
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
      const checked = checkImageBytes(new Uint8Array(0), shown, what, read.size ?? 0);
      if (checked.problem) return refused(checked.problem);
    }
    return refused(problem('image-not-found', `${shown} could not be read next to ${next}`, 'Check the file.'));
  }
  const checked = checkImageBytes(read.bytes, shown, what);
  if (checked.problem) return refused(checked.problem);
  return { image: { bytes: read.bytes, ...checked.header, file: resolved.file } };
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
