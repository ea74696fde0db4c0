import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson, MarkdownField } from '../../src/lesson/types.ts';
import { exampleLibrary, normalise, openSite } from './fixture.ts';
import type { SiteSession } from './fixture.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** Every markdown field of a lesson. */
function fields(lesson: Lesson): MarkdownField[] {
  const found: MarkdownField[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      if ('tree' in value && 'source' in value) found.push(value as MarkdownField);
      else Object.values(value).forEach(walk);
    }
  };
  walk(lesson);
  return found;
}

/** Text only staff should see: `:::teacher` blocks, DSL notes, presenter notes, feedback and answers. */
function teacherOnlyText(lesson: Lesson): string[] {
  const texts: string[] = [];
  for (const field of fields(lesson)) {
    visit(field.tree as Root, (node: Nodes) => {
      if (node.type === 'containerDirective' && node.name === 'teacher') texts.push(toString(node));
    });
  }
  if (lesson.dslNotes) texts.push(toString(lesson.dslNotes.tree));
  for (const cycle of lesson.cycles) {
    if (cycle.feedback) texts.push(toString(cycle.feedback.tree));
    for (const slide of cycle.slides ?? []) if (slide.notes) texts.push(toString(slide.notes.tree));
  }
  return texts.map(normalise).filter(Boolean);
}

describe('the handout page', () => {
  for (const lesson of exampleLibrary().lessons) {
    it(`should hold no teacher-only text, DSL notes or answers (${lesson.id})`, async () => {
      const secrets = teacherOnlyText(lesson);
      expect(secrets.length).toBeGreaterThan(0);
      const { page } = await site.open(`/lessons/${lesson.id}/handout/`);
      const text = normalise(await page.locator('body').innerText());
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/Teacher note|Show answer|Presenter notes|DSL notes/i);
      expect(await page.locator('details, .teacher-note, .quiz-answer').count()).toBe(0);
      await page.close();
    });
  }

  it('should show the pupils’ activities, ground rules and where to get help', async () => {
    const lesson = exampleLibrary().lessons.find((l) => l.id === 'spotting-online-scams')!;
    const { page } = await site.open(`/lessons/${lesson.id}/handout/`);
    const text = normalise(await page.locator('main').innerText());
    expect(await page.locator('figure.scenario figcaption').textContent()).toBe('Scenario: Ava');
    expect(text).toContain(lesson.safeLearning!.groundRules![0]);
    expect(text).toContain('Childline');
    expect(text).toContain("your school's Designated Safeguarding Lead");
    expect(await page.locator('.answer-line').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('should print on A4 without the site navigation', async () => {
    const lesson = exampleLibrary().lessons[0];
    const { page } = await site.open(`/lessons/${lesson.id}/handout/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.skip-link').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    // A4 is 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d* 84[12]\.\d*\]/);
    await page.close();
  });

  it('should show the teacher note on the teacher view, so the check above can fail', async () => {
    const lesson = exampleLibrary().lessons.find((l) => l.id === 'spotting-online-scams')!;
    const { page } = await site.open(`/lessons/${lesson.id}/`);
    const text = normalise(await page.locator('main').innerText());
    for (const secret of teacherOnlyText(lesson)) expect(text).toContain(secret);
    await page.close();
  });
});
