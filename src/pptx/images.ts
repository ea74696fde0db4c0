import type { Image } from 'mdast';
import { readLessonImage } from '#images';
import type { LessonImage } from '../library-file.ts';
import { layout } from './theme.ts';
import type { State } from './types.ts';

/** The tallest an image may be on a slide (inches): room for a line of text above or below it. */
const MAX_HEIGHT = 3.6;
/** Screen pixels an inch: a small image is not blown up past its own size. */
const PIXELS_PER_INCH = 96;

/** A slide body image, read once per deck (its height is asked for at every font size tried). */
export function slideImage(state: State, node: Image): { image?: LessonImage; problem?: string } {
  let found = state.images.get(node.url);
  if (!found) {
    // At the edge (`#images`): in Node through the library's gate, inside the library, a regular file, within the limits.
    found = state.lesson
      ? readLessonImage(state.lesson, node.url)
      : { problem: `The image \`${node.url}\` cannot be found: the lesson's folder is not known` };
    state.images.set(node.url, found);
  }
  return found;
}

/** The size an image takes on a slide (inches): its own size at most, within the body's width and `maxHeight`. */
export function imageBox(image: LessonImage, maxHeight = MAX_HEIGHT): { w: number; h: number } {
  const maxWidth = layout.width - 2 * layout.margin;
  const scale = Math.min(
    maxWidth / image.width,
    maxHeight / image.height,
    1 / PIXELS_PER_INCH, // no bigger than the image itself
  );
  return { w: image.width * scale, h: image.height * scale };
}

/** `image/png;base64,…`, the form pptxgenjs takes image data in. */
export const imageData = (image: LessonImage) =>
  `image/${image.type};base64,${Buffer.from(image.bytes).toString('base64')}`;
