import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { FileProblem } from '../../image-check.ts';
import { readLibraryImage } from '../../library-file.ts';
import { loadLibraryTerminology } from '../../lesson/checks/library-terminology.ts';
import { fileKey, IMAGE_NAME, type CheckSite } from '../../lesson/check-site-data.ts';
import type { Library } from '../../lesson/types.ts';
import { fileNameOf } from '../../file-name.ts';

/** A library file's path as `pshe check` prints it when run in the library's folder: `unit-a/lesson.yaml`. */
const inLibrary = (dir: string, file: string) => path.relative(dir, path.resolve(file)).split(path.sep).join('/');

/**
 * Only what a message needs of a refusal, the file's name in it put as {@link IMAGE_NAME}: no path of
 * the machine that checked it, nor the file's name.
 */
const published = (problem: FileProblem, name: string): FileProblem => ({
  ruleId: problem.ruleId,
  reason: problem.reason.replaceAll(`\`${name}\``, `\`${IMAGE_NAME}\``),
  message: problem.message.replaceAll(`\`${name}\``, `\`${IMAGE_NAME}\``),
  ...(problem.format ? { format: true } : {}),
});

/**
 * Bounds on the walk of a library for the editor's image verdicts (a library is untrusted input): at
 * most this many files and folders, this many folders deep. Past them, the editor is told the list is
 * incomplete, and does not call an image it cannot find missing.
 */
const WALK = { entries: 5000, depth: 8 } as const;

/**
 * The verdict of the library's gate on every file of the library but its YAML
 * (each as a lesson image would be read: a PNG or JPEG within the limits, a
 * file, inside the library, links followed as the gate follows them), by the
 * key of its path in the library, worded with {@link IMAGE_NAME} for its name:
 * the editor words it again with the address a lesson writes. Folders that are
 * links are judged, not walked.
 */
function libraryImages(dir: string): Pick<CheckSite, 'images' | 'imagesIncomplete'> {
  const root = path.resolve(dir);
  const scope = { base: root, root, kind: 'image' as const };
  const images: CheckSite['images'] = {};
  let seen = 0;
  let incomplete = false;
  const walk = (folder: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === '.git' || entry.name === 'node_modules' || /\.ya?ml$/.test(entry.name)) continue;
      if (++seen > WALK.entries) {
        incomplete = true;
        return;
      }
      const full = path.join(folder, entry.name);
      const name = inLibrary(root, full);
      const read = readLibraryImage(scope, name, { decode: false });
      images[fileKey(name)] = read.problem ? published(read.problem, name) : null;
      if (entry.isDirectory()) {
        if (depth < WALK.depth) walk(full, depth + 1);
        else incomplete = true;
      }
    }
  };
  walk(root, 0);
  return { images, ...(incomplete ? { imagesIncomplete: true } : {}) };
}

/**
 * What the editor's checker (`checkLessonText`) needs of a loaded library,
 * read in Node where the files are: its services, school and terminology,
 * its units, every lesson's id and place, and the library gate's verdict on
 * each of its other files (what a lesson naming one would be told). The site publishes it as
 * `/editor/library.json`.
 */
export function checkSiteOf(dir: string, library: Library): CheckSite {
  const judged = libraryImages(dir);
  const terminology = loadLibraryTerminology(dir, []);
  return {
    signposts: library.signposts,
    // The logo by its file name: the path it was read from is the machine's, and no rule reads it.
    ...(library.school
      ? { school: { ...library.school, ...(library.school.logo ? { logo: fileNameOf(library.school.logo) } : {}) } }
      : {}),
    ...(terminology.length ? { terminology } : {}),
    units: library.units.map((unit) => ({ id: unit.id, file: inLibrary(dir, unit.file), lessons: unit.lessons })),
    lessons: library.lessons.map((lesson) => ({
      id: lesson.id,
      unit: lesson.unit,
      file: inLibrary(dir, lesson.file),
      idAt: lesson.positions?.id ?? { line: 1, column: 1 },
    })),
    ...judged,
  };
}
