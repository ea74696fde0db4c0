/**
 * Phones: no page scrolls sideways at 320, 360 or 390 px, the lesson's
 * Present, Print and Downloads actions are on the first screen, and long pages
 * end with a way back to the top.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleLibrary, openSite, pageTypes } from './fixture.ts';
import type { SiteSession } from './fixture.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const widths = [320, 360, 390];
const phoneHeight = 640;

describe.each(widths)('at %i px wide', (width) => {
  it.each(pageTypes().map((p) => [p.name, p.path] as const))(
    'should not scroll sideways on the %s page',
    async (_n, path) => {
      const { page } = await site.open(path);
      await page.setViewportSize({ width, height: phoneHeight });
      const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        // What sticks out, to say what to fix (inside a scrolling region is fine: the region scrolls, not the page).
        wide: [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
          .filter((el) => !el.closest('.table-scroll') && el.getClientRects().length > 0)
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      }));
      expect({ path, scrollWidth, wide }).toEqual({ path, scrollWidth: innerWidth, wide: [] });
      await page.close();
    },
  );

  it('should show Present, Print and Downloads on the first screen of a lesson', async () => {
    const lesson = exampleLibrary().lessons[0];
    const { page } = await site.open(`/lessons/${lesson.id}/`);
    await page.setViewportSize({ width, height: phoneHeight });
    for (const name of [/Present the slides/, /Print the handout/, /^Downloads$/]) {
      const box = await page.getByRole('link', { name }).first().boundingBox();
      expect(box, `${name}`).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(box!.y + box!.height, `${name} is within the first ${phoneHeight} px`).toBeLessThanOrEqual(phoneHeight);
    }
    await page.close();
  });
});

describe('long pages', () => {
  it('should end the lesson page and the handout with a link back to the top', async () => {
    const lesson = exampleLibrary().lessons[0];
    for (const path of [`/lessons/${lesson.id}/`, `/lessons/${lesson.id}/handout/`]) {
      const { page } = await site.open(path);
      await page.setViewportSize({ width: 360, height: phoneHeight });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const link = page.getByRole('link', { name: 'Back to top' });
      await link.scrollIntoViewIfNeeded();
      await link.click();
      // It lands on the start of the page's content (the skip link's target), wherever the header ends.
      await expect
        .poll(() => page.evaluate(() => window.scrollY - (document.querySelector('main')?.offsetTop ?? 0)), {
          timeout: 5000,
        })
        .toBeLessThanOrEqual(1);
      await page.close();
    }
  });
});
