import { describe, expect, it } from 'vitest';
import * as html from '../../src/html/index.ts';

describe('src/html', () => {
  it('should expose exactly its public functions and constants', () => {
    expect(Object.keys(html).sort()).toEqual([
      'contactParts',
      'displayUrl',
      'externalLinkText',
      'findSignpost',
      'htmlClasses',
      'mdastToHtml',
      'renderHtml',
      'sanitizeSchema',
      'signpostHtml',
    ]);
  });
});
