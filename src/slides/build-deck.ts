import type { Lesson, Library } from '../lesson/types.ts';
import { fitSlide } from './fit.ts';
import { lessonSlides } from './lesson-slides.ts';
import type { SlideDeck } from './types.ts';

/**
 * The one slide model of a lesson, rendered by the web deck, the slides PDF and
 * the PowerPoint alike. Slides over the text budget are already split into
 * continuation slides, so no renderer has to shrink or cut text.
 */
export function buildSlideDeck(lesson: Lesson, library: Library): SlideDeck {
  return {
    lessonId: lesson.id,
    title: lesson.title,
    slides: lessonSlides(lesson, library).flatMap((slide) => fitSlide(slide, { library })),
  };
}
