import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { FileProblem } from '../image-check.ts';
import type { TerminologyEntry } from './checks/terminology.ts';
import type { School, Signpost } from './types.ts';
import type { Position } from './yaml-source.ts';

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
   * The library gate's verdict on each file of the library but its YAML, by {@link fileKey} of its
   * path in the library (`unit-a/chart.png`): `null` for an image that can be used, or why it
   * cannot, with {@link IMAGE_NAME} where the message names it. Neither the files' names nor
   * anything in them is published: only what a lesson that names one would be told.
   */
  images: Record<string, FileProblem | null>;
  /** The library has more files than were judged: an image not among them may be there. */
  imagesIncomplete?: boolean;
}

/** Where an image's verdict names the image: the editor puts the address the lesson writes there. */
export const IMAGE_NAME = '{image}';

/** A file's key among the verdicts: its path in the library, hashed, so the names are not published. */
export const fileKey = (pathInLibrary: string) => bytesToHex(sha256(utf8ToBytes(pathInLibrary))).slice(0, 32);
