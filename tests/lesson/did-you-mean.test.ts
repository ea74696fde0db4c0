import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/did-you-mean.ts';
import { loadLessonText } from '../../src/check/check-text.ts';

describe('did you mean', () => {
  it('should name the one close candidate for a typo', () => {
    expect(didYouMean('summry', ['summary', 'title', 'sources'])).toBe('summary');
    expect(didYouMean('Key-Stage-3', ['key-stage-3', 'key-stage-4'])).toBe('key-stage-3');
  });

  it('should name none when two are as close, or none is close', () => {
    expect(didYouMean('key-stage-9', ['key-stage-1', 'key-stage-2', 'key-stage-3', 'key-stage-4'])).toBeUndefined();
    expect(didYouMean('banana', ['summary', 'title'])).toBeUndefined();
  });

  it('should list the allowed values when no one value is meant (what a teacher reads)', () => {
    const text = 'keyStage: key-stage-9\n';
    const { diagnostics } = loadLessonText(
      { path: 'unit-a/a-lesson.yaml', bytes: new TextEncoder().encode(text) },
      { signposts: [], units: [], lessons: [], images: {} },
      '2026-12-02',
    );
    const message = diagnostics.find((d) => d.message.includes('key-stage-9'))?.message ?? '';
    expect(message).not.toContain('Did you mean');
    expect(message).toMatch(/one of .*key-stage-3/);
  });
});
