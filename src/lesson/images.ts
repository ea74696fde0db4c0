import type { LessonImage } from '../library-file.ts';

/**
 * The images renderers draw, in a browser: the page fetches each image a
 * lesson names and the school's logo (the build publishes them) and hands
 * them over, keyed as imageKey says, before anything is rendered. In Node,
 * `#images` is images.node.ts, which reads them through the library's gate.
 */

export type ImageRead = { image: LessonImage; problem?: undefined } | { image?: undefined; problem: string };

const provided = new Map<string, LessonImage>();

/**
 * The key an image is handed over under: the lesson's id and the address it names, or the logo's
 * (`#school`, which no lesson id can be: ids are lower-case letters, digits and hyphens).
 */
export const imageKey = (lessonId: string | undefined, url: string) => `${lessonId ?? '#school'}\n${url}`;

export function provideImages(images: Iterable<[string, LessonImage]>): void {
  for (const [key, image] of images) provided.set(key, image);
}

const found = (key: string, shown: string): ImageRead => {
  const image = provided.get(key);
  return image ? { image } : { problem: `${shown} was not loaded` };
};

export const readLessonImage = (lesson: { id: string }, url: string): ImageRead =>
  found(imageKey(lesson.id, url), `The image \`${url}\``);

export const readLogo = (logo: string): ImageRead => found(imageKey(undefined, logo), 'The school logo');
