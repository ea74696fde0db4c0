import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';
import type { CharacterRenames } from '../lesson/rename.ts';
import type { LessonImage } from '../library-file.ts';
import type { AssetName } from '../platform/asset-files.ts';
import type { InstalledVersions } from '../platform/package-versions.ts';

/** What the page sends the render worker: a lesson's model, its library, and every file the renderers read. */
export interface RenderRequest {
  id: number;
  lesson: Lesson;
  library: Library;
  /** Fonts, templates and licences (src/platform/asset-files.ts), fetched from the site. */
  assets: [AssetName, Uint8Array][];
  /** The lesson's images and the school's logo, keyed by `imageKey` (src/lesson/images.ts). */
  images: [string, LessonImage][];
  versions: InstalledVersions;
  /** A school profile as the text of a school.yaml, read as `pshe build --school` reads one (without it, the library's own). */
  school?: string;
  /** New names for the lesson's characters, as `pshe build --rename OLD=NEW` gives them. */
  renames?: CharacterRenames;
  /** The build's SOURCE_DATE_EPOCH: the date inside every file, as `pshe build` wrote it. */
  sourceDateEpoch?: string;
}

/** What the worker answers: every file of the lesson with its pack, and the problems met; or why it failed. */
export type RenderReply =
  | {
      id: number;
      files: { name: string; bytes: Uint8Array }[];
      diagnostics: Diagnostic[];
      /** New names the PDFs cannot print, by the character's current name (then no files are made). */
      nameProblems?: { name: string; message: string }[];
    }
  | { id: number; error: string };
