import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { exampleLibrary } from './fixture.ts';

const read = (page: string) => readFileSync(path.join(inject('siteDir'), page), 'utf8');

describe('the lesson on one page on the web', () => {
  it('should open each lesson page body with the section, and link its one-page PDF', () => {
    for (const lesson of exampleLibrary().lessons) {
      const html = read(`lessons/${lesson.id}/index.html`);
      const body = html.slice(html.indexOf('class="lesson-body"'));
      expect(body).toMatch(/^class="lesson-body"[^>]*>\s*<section class="lesson-guide" aria-labelledby="lesson-guide"/);
      expect(body).toContain('<h2 id="lesson-guide">The lesson on one page</h2>');
      expect(body).toMatch(/Before the (lesson|session)/);
      expect(body).toContain('<caption class="visually-hidden">Timing, adding up to');
      expect(body).toContain('If a pupil tells you something');
      expect(body).toContain('Designated Safeguarding Lead');
      const href = `/downloads/${lesson.id}/${lesson.id}-lesson-guide.pdf`;
      expect(html).toContain(`href="${href}"`);
      expect(existsSync(path.join(inject('siteDir'), href))).toBe(true);
    }
  });
});
