import type { Diagnostic, Lesson, Library, School, Unit } from '../lesson/types.ts';
import type { CharacterRenames } from '../lesson/rename.ts';
import type { LessonImage } from '../library-file.ts';
import type { AssetName } from '../platform/asset-files.ts';
import type { CheckSite } from '../lesson/check-site-data.ts';
import type { LessonPreview } from '../preview/lesson-preview.ts';
import type { InstalledVersions } from '../platform/package-versions.ts';

/** What the page sends the render worker: lessons' models, their library, and every file the renderers read. */
export interface RenderRequest {
  id: number;
  /** The lesson, or the unit's lessons in the unit's order. */
  lessons: Lesson[];
  /** With a unit, its own files (its pack and approval sheet) instead of each lesson's files. */
  unit?: Unit;
  library: Library;
  /** Fonts, templates and licences (src/platform/asset-files.ts), fetched from the site. */
  assets: [AssetName, Uint8Array][];
  /** The lessons' images and the school's logo, keyed by `imageKey` (src/lesson/images.ts). */
  images: [string, LessonImage][];
  versions: InstalledVersions;
  /**
   * A school profile as the text of a school.yaml, read as `pshe build --school` reads one; empty for
   * no profile at all; without it, the library's own.
   */
  school?: string;
  /** New names for characters, as `pshe build --rename OLD=NEW` gives them: for every lesson. */
  renames?: CharacterRenames;
  /** The build's SOURCE_DATE_EPOCH: the date inside every file, as `pshe build` wrote it. */
  sourceDateEpoch?: string;
}

/**
 * Sent as the page opens: load the renderers now (they check the versions as
 * they load), so that the page works on with the network cut.
 */
export interface PrepareRequest {
  id: number;
  prepare: InstalledVersions;
  /** The fonts and templates, when the page has them already (the editor's checks measure slides with them). */
  assets?: [AssetName, Uint8Array][];
}

/** Check a lesson's text as `pshe check` does in the site's library (the editor, issue 17). */
export interface CheckRequest {
  id: number;
  /** With `preview`, the lesson's preview too when it has no error. */
  check: { path: string; text: string; site: CheckSite; today: string; preview?: boolean };
}

/** Check a school.yaml's text (a file the page loaded) as the loader does, to fill the form from it. */
export interface ReadSchoolRequest {
  id: number;
  /** The file's bytes: its text is decoded as the loader decodes a file (bad UTF-8 is an error). */
  readSchool: Uint8Array;
  /** The fonts (the check asks whether they can print the names) and the other assets. */
  assets: [AssetName, Uint8Array][];
}

/**
 * Make every file of a lesson from its text (the editor): loaded as `checkLessonText` loads it, then
 * rendered as `pshe build` renders it; no files when it has an error.
 */
export interface RenderTextRequest {
  id: number;
  renderText: { path: string; text: string; site: CheckSite; today: string };
  library: Library;
  /** The lesson's images, keyed by `imageKey` with the id the text gives the lesson. */
  images: [string, LessonImage][];
  sourceDateEpoch?: string;
}

/** Anything the page asks the worker. */
export type WorkerRequest = RenderRequest | PrepareRequest | ReadSchoolRequest | CheckRequest | RenderTextRequest;

/** A file made: its name and bytes. */
export interface MadeFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What the worker answers: how far it has got (any number of times), then
 * the files made with the problems met, or why it failed.
 */
export type RenderReply =
  | { id: number; prepared: true }
  | { id: number; progress: { done: number; total: number } }
  | {
      id: number;
      files: MadeFile[];
      diagnostics: Diagnostic[];
      /** New names the PDFs cannot print, by the character's current name (then no files are made). */
      nameProblems?: { name: string; message: string }[];
    }
  | { id: number; school?: School; diagnostics: Diagnostic[] }
  | { id: number; checked: Diagnostic[]; preview?: LessonPreview }
  | { id: number; error: string };
