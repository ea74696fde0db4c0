import type { Slide } from './types.ts';

/**
 * The slides the web deck shows: every slide of the one model except the quiz
 * answers slides, because the web deck reveals each question's answers on the
 * question's own slide at a build step (`Slide.reveal`). The slides PDF and the
 * PowerPoint cannot build a slide, so they keep the answers slides.
 */
export function webSlides(slides: readonly Slide[]): Slide[] {
  return slides.filter((slide) => slide.kind !== 'answer');
}
