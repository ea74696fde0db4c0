export { buildSlideDeck } from './build-deck.ts';
export { webSlides } from './web-slides.ts';
export { slideWarnings } from './slide-warnings.ts';
export { bodyFits, fitSlide, inlineLength, measureBody, paginateBody, slideTextBudget } from './fit.ts';
export type { FitOptions, TextBudget } from './fit.ts';
export { defaultGroundRules, groundRulesFor } from './default-ground-rules.ts';
export {
  contentGuidanceLabel,
  contentGuidanceLabels,
  supervisionLabel,
  supervisionLabels,
} from './content-guidance.ts';
export { quizOptions } from './quiz-slides.ts';
export type { Option as QuizOption } from './quiz-slides.ts';
export { findSignpost, signpostContacts, signpostLine } from './signpost-lookup.ts';
export type { Slide, SlideDeck, SlideKind } from './types.ts';
