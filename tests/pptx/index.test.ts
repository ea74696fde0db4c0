import { describe, expect, it } from 'vitest';
import * as pptx from '../../src/pptx/index.ts';

describe('src/pptx public surface', () => {
  it('should export exactly the renderer and its helpers', () => {
    expect(Object.keys(pptx).sort()).toEqual([
      'DEFAULT_ACCENT',
      'FIXED_DATE',
      'contrastRatio',
      'readableOnWhite',
      'renderPptx',
      'sourceDate',
      'themeFor',
    ]);
  });
});
