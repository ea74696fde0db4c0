import { diagnostic } from '../lesson/diagnostic.ts';
import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';
import { measureBody, paginateBody, slideTextBudget } from './fit.ts';
import { lessonSlides } from './lesson-slides.ts';
import { buildSlideDeck } from './build-deck.ts';
import { positionOf } from './source-lines.ts';
import type { SlideKind } from './types.ts';

/**
 * Only slides an author wrote as slides (a cycle's `slides`) are warned about.
 * Slides made from other fields (practice tasks, scenarios, activities, ground
 * rules) are split to fit without a warning: that text is written for the
 * handout and the plan, and shortening it to suit a slide would be wrong.
 */
function authoredTitles(lesson: Lesson): Set<string> {
  return new Set(lesson.cycles.flatMap((cycle) => (cycle.slides ?? []).map((slide) => slide.title)));
}
const authoredKind: SlideKind = 'content';

/**
 * One `slide-too-long` warning for each slide that holds more text than fits
 * (it is still split into continuation slides), at the line of the slide's
 * YAML node, for `pshe check`.
 */
export function slideWarnings(lesson: Lesson, library: Library): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const seen = new Set<string>();
  const titles = authoredTitles(lesson);
  for (const slide of lessonSlides(lesson, library)) {
    if (!slide.at || slide.kind !== authoredKind || !titles.has(slide.title)) continue;
    const lines = measureBody(slide.body, { library });
    if (lines <= slideTextBudget.maxLines) continue;
    const key = `${slide.at.line}:${slide.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const parts = paginateBody(slide.body, { library }).length;
    warnings.push(
      diagnostic(
        'slide-too-long',
        lesson.file,
        slide.at,
        `The slide “${slide.title}” holds about ${Math.ceil(lines)} lines of text, and about ${slideTextBudget.maxLines} fit, so it will be split into ${parts} slides. Shorten it, or make it two slides.`,
      ),
    );
  }
  return warnings;
}

/** Minutes of a lesson a slide stands for, at least: a longer deck is rushed, or slides are skipped. */
export const MINUTES_PER_SLIDE = 1.5;

/** The most slides a lesson of this length should have (40 for 60 minutes, 30 for 45). */
export const slideLimit = (durationInMinutes: number): number => Math.floor(durationInMinutes / MINUTES_PER_SLIDE);

/**
 * A `deck-too-long` warning when the lesson's deck, as rendered (after
 * splitting), has more slides than one per 1.5 minutes of the lesson, at the
 * lesson's `durationInMinutes`.
 */
export function deckWarnings(lesson: Lesson, library: Library): Diagnostic[] {
  const count = buildSlideDeck(lesson, library).slides.length;
  const limit = slideLimit(lesson.durationInMinutes);
  if (count <= limit) return [];
  return [
    diagnostic(
      'deck-too-long',
      lesson.file,
      positionOf(lesson, 'durationInMinutes') ?? { line: 1, column: 1 },
      `The slides run to ${count} for a ${lesson.durationInMinutes}-minute lesson: at most ${limit} (one slide per ${MINUTES_PER_SLIDE} minutes) can be taught well. Merge short slides, or move detail to the notes.`,
    ),
  ];
}
