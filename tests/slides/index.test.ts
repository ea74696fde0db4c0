import { describe, expect, it } from 'vitest';
import * as slides from '../../src/slides/index.ts';

describe('src/slides public surface', () => {
  it('should export exactly the public functions and tables', () => {
    expect(Object.keys(slides).sort()).toEqual([
      'bodyFits',
      'buildSlideDeck',
      'contentGuidanceLabel',
      'contentGuidanceLabels',
      'defaultGroundRules',
      'findSignpost',
      'fitSlide',
      'groundRulesFor',
      'inlineLength',
      'measureBody',
      'paginateBody',
      'quizOptions',
      'signpostContacts',
      'signpostLine',
      'slideTextBudget',
      'slideWarnings',
      'supervisionLabel',
      'supervisionLabels',
      'webSlides',
    ]);
  });
});
