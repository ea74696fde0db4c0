import { readLessonImage, readLogo } from '#images';
import { installedVersions } from '#installed-versions';
import { lessonCharacters } from '../../lesson/characters.ts';
import { imageUrlsOf } from '../../lesson/image-urls.ts';
import { fileNameOf } from '../../file-name.ts';
import { imageKey } from '../../lesson/images.ts';
import { forSite } from '../../lesson/strip-positions.ts';
import type { Lesson, Library, Unit } from '../../lesson/types.ts';
import type { LessonImage } from '../../library-file.ts';
import type { InstalledVersions } from '../../platform/package-versions.ts';

/** An image as the page fetches it: its bytes as base64. */
export type PublishedImage = Omit<LessonImage, 'bytes' | 'file'> & { bytes: string };

/**
 * What `/personalise/` needs of one lesson, published by the build as
 * `/personalise/lessons/<id>.json`: the model as the renderers take it
 * (positions stripped; nothing is parsed again in the browser), its library
 * without the other lessons, the names of its characters, its images and the
 * school's logo, and the versions the renderers' patches check. No path on
 * the machine that built the site is published: the lesson's file is named
 * as it is in the library, the logo by its own name.
 */
export interface PersonaliseData {
  lesson: Lesson;
  library: Library;
  characters: string[];
  images: [string, PublishedImage][];
  versions: InstalledVersions;
  /** The build's SOURCE_DATE_EPOCH, when it had one: every date inside the files. */
  sourceDateEpoch?: string;
}

const published = (image: LessonImage): PublishedImage => ({
  type: image.type,
  width: image.width,
  height: image.height,
  bytes: Buffer.from(image.bytes).toString('base64'),
});

/** The name a library file has inside the library: `unit-a/asking-for-help.yaml`. */
const inLibrary = (file: string) => file.split(/[\\/]/).slice(-2).join('/');

export function personaliseData(lesson: Lesson, library: Library): PersonaliseData {
  const images: [string, PublishedImage][] = [];
  for (const url of imageUrlsOf(lesson)) {
    const read = readLessonImage(lesson, url);
    if (read.image) images.push([imageKey(lesson.id, url), published(read.image)]);
  }
  const school = library.school && { ...library.school };
  if (school?.logo) {
    const read = readLogo(school.logo);
    school.logo = fileNameOf(school.logo);
    if (read.image && school.logo) images.push([imageKey(undefined, school.logo), published(read.image)]);
  }
  // Nothing of the machine that built the site: no image's path, no unit's, and no record of a build's
  // renames (a site built with --rename Jay=Alex would tell that a pupil is called Jay).
  const model: Partial<Lesson> & Omit<Lesson, 'images' | 'renames'> = forSite(lesson);
  delete model.images;
  delete model.renames;
  return {
    lesson: { ...model, file: inLibrary(lesson.file) },
    library: {
      dir: '',
      lessons: [],
      units: library.units.map((unit) => ({ ...unit, file: inLibrary(unit.file) })),
      signposts: library.signposts,
      school,
    },
    characters: lessonCharacters(lesson),
    images,
    versions: installedVersions(),
    ...(process.env.SOURCE_DATE_EPOCH ? { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH } : {}),
  };
}

/** What `/personalise/?unit=<unit>` needs of a unit, published as `/personalise/units/<unit>.json`. */
export interface PersonaliseUnit {
  unit: Unit;
  /** Its lessons' ids in the unit's order: each is `/personalise/lessons/<id>.json`. */
  lessons: string[];
}

export function personaliseUnit(unit: Unit, lessons: readonly Lesson[]): PersonaliseUnit {
  return { unit: { ...unit, file: inLibrary(unit.file) }, lessons: lessons.map((lesson) => lesson.id) };
}
