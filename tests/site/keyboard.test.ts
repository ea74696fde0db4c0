import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleLibrary, openSite } from './fixture.ts';
import type { SiteSession } from './fixture.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('keyboard use', () => {
  it('should offer a skip link first that moves focus to the main content', async () => {
    const lesson = exampleLibrary().lessons[0];
    const { page } = await site.open(`/lessons/${lesson.id}/`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      top: document.activeElement?.getBoundingClientRect().top ?? -1,
    }));
    expect(first.text).toBe('Skip to main content');
    expect(first.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab lands inside main, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    await page.close();
  });

  it('should show a visible focus ring on every link and button reached by Tab', async () => {
    const { page } = await site.open('/');
    for (let step = 0; step < 12; step += 1) {
      await page.keyboard.press('Tab');
      const style = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const css = getComputedStyle(element);
        return { tag: element.tagName, outline: css.outlineStyle, width: parseFloat(css.outlineWidth) };
      });
      expect(style.tag).not.toBe('BODY');
      expect(style.outline, `${style.tag} at step ${step}`).toBe('solid');
      expect(style.width).toBeGreaterThanOrEqual(2);
    }
    await page.close();
  });

  it('should reveal a quiz answer from the keyboard', async () => {
    const lesson = exampleLibrary().lessons.find((l) => l.exitQuiz)!;
    const { page } = await site.open(`/lessons/${lesson.id}/`);
    const answer = lesson.exitQuiz![0].answers[0];
    const summary = page.locator('section[aria-labelledby="quizzes"] summary').last();
    await summary.focus();
    await expect.poll(() => page.getByText(`Answer: ${answer}`).isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(`Answer: ${answer}`).isVisible()).toBe(true);
    await page.close();
  });
});
