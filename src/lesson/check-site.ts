import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { FileProblem } from '../image-check.ts';
import type { TerminologyEntry } from './checks/terminology.ts';
import type { Position } from './yaml-source.ts';
import { readLibraryImage } from '../library-file.ts';
import { loadLibraryTerminology } from './checks/library-terminology.ts';
import type { Library, School, Signpost } from './types.ts';
import { fileNameOf } from '../file-name.ts';

/**
 * What `pshe check` knows of a library besides the lesson being checked, as
 * the site publishes it for the editor (`/editor/library.json`): the help
 * services and school, the library's own terminology, each unit's file and
 * list of lessons, and every lesson's id and place (for duplicate ids). Paths
 * are as in the library (`unit-a/lesson.yaml`), as `pshe check` prints them
 * when run in the library's folder.
 */
export interface CheckSite {
  signposts: Signpost[];
  school?: School;
  terminology?: TerminologyEntry[];
  units: { id: string; file: string; lessons: string[] }[];
  lessons: { id: string; unit: string; file: string; idAt: Position }[];
  /**
   * The library's gate's verdict on each file of the library but its YAML, by its path in the
   * library (`unit-a/chart.png`), worded with that path as its name: `null` for an image that can
   * be used, or why it cannot. Whatever is not here is not a file of the library.
   */
  images: Record<string, FileProblem | null>;
}

/** A library file's path as `pshe check` prints it when run in the library's folder: `unit-a/lesson.yaml`. */
const inLibrary = (dir: string, file: string) => path.relative(dir, path.resolve(file)).split(path.sep).join('/');

/** Only what a message needs of a refusal: no path of the machine that checked it. */
const published = (problem: FileProblem): FileProblem => ({
  ruleId: problem.ruleId,
  reason: problem.reason,
  message: problem.message,
  ...(problem.format ? { format: true } : {}),
});

/** At most this many files of a library are looked at for the editor's image verdicts. */
const MOST_FILES = 2000;

/**
 * The verdict of the library's gate on every file of the library but its YAML
 * (each, as a lesson image would be read: a PNG or JPEG within the limits, a
 * file, inside the library), by its path in the library; folders are walked,
 * links are not followed but judged. Worded with the path as the image's
 * name: the editor words it again with the address a lesson writes.
 */
function libraryImages(dir: string): CheckSite['images'] {
  const root = path.resolve(dir);
  const scope = { base: root, root, kind: 'image' as const };
  const images: CheckSite['images'] = {};
  const walk = (folder: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (Object.keys(images).length >= MOST_FILES) return;
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || /\.ya?ml$/.test(entry.name)) continue;
      const full = path.join(folder, entry.name);
      const name = inLibrary(root, full);
      const read = readLibraryImage(scope, name, { decode: false });
      images[name] = read.problem ? published(read.problem) : null;
      if (entry.isDirectory() && depth < 4) walk(full, depth + 1);
    }
  };
  walk(root, 0);
  return images;
}

/**
 * What the editor's checker (`checkLessonText`) needs of a loaded library,
 * read in Node where the files are: its services, school and terminology,
 * its units, every lesson's id and place, and the verdict on every image a
 * lesson shows, through the library's gate. The site publishes it as
 * `/editor/library.json`.
 */
export function checkSiteOf(dir: string, library: Library): CheckSite {
  const images = libraryImages(dir);
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
    images,
  };
}
