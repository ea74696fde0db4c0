import path from 'node:path';
import { lessonImageScope, readLibraryImage, readSchoolLogo, type LessonImage } from '../library-file.ts';

/**
 * The images renderers draw, in Node: read from the library through its file
 * gate (src/library-file.ts) each time a renderer asks, so a file swapped
 * since the check is refused. A browser's are images.ts.
 */

/** What a renderer gets for an image: the image, or why there is none. */
export type ImageRead = { image: LessonImage; problem?: undefined } | { image?: undefined; problem: string };

/** An image a lesson names (`![alt](chart.png)`), next to the lesson's file. */
export function readLessonImage(lesson: { id: string; file: string }, url: string): ImageRead {
  const read = readLibraryImage(lessonImageScope(path.dirname(lesson.file)), url);
  return read.image ? { image: read.image } : { problem: read.problem.reason };
}

/** The school's logo (`school.logo`, the path the loader resolved and checked). */
export function readLogo(logo: string): ImageRead {
  const read = readSchoolLogo(logo);
  return read.image ? { image: read.image } : { problem: read.problem.reason };
}

/** Nothing to hand over in Node: images are read from the library. */
export function provideImages(_images: Iterable<[string, LessonImage]>): void {}
