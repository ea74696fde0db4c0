/**
 * Printing: the lesson page's "Print the handout" gives the handout PDF; the
 * web handout has a real Print button and says how many A4 pages the PDF has;
 * the browser's print of the handout shows the help list once, with each
 * address once; the teacher view says where pupils write instead of drawing lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleLibrary, normalise, openSite } from './fixture.ts';
import type { SiteSession } from './fixture.ts';
import { runAxe } from '../helpers/axe.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const lesson = () => exampleLibrary().lessons.find((l) => l.audience === 'pupils')!;

describe('printing a handout', () => {
  it('should link "Print the handout" on the lesson page to the handout PDF', async () => {
    const { id } = lesson();
    const { page } = await site.open(`/lessons/${id}/`);
    const link = page.getByRole('link', { name: /Print the handout/ });
    expect(await link.getAttribute('href')).toBe(`/downloads/${id}/${id}-handout.pdf`);
    const response = await page.request.get(site.server.url + (await link.getAttribute('href')));
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('should give the web handout a Print button that prints, and the PDF link its page count', async () => {
    const { id } = lesson();
    const { page, problems } = await site.open(`/lessons/${id}/handout/`);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    const button = page.getByRole('button', { name: 'Print this page' });
    await button.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const pdf = page.getByRole('link', { name: /Handout PDF/ });
    await expect.poll(() => pdf.textContent(), { timeout: 10_000 }).toMatch(/\(\d+ A4 pages?\)/);
    const response = await page.request.get(`${site.server.url}/downloads/${id}/${id}-handout.pdf`);
    const count = /\/Type \/Pages\s*\/Count (\d+)/.exec((await response.body()).toString('latin1'))?.[1];
    expect(normalise((await pdf.textContent()) ?? '')).toContain(`(${count} A4 page`);
    expect(await runAxe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should print the help list once, each service once, with no screen-only controls', async () => {
    const { id } = lesson();
    const { page } = await site.open(`/lessons/${id}/handout/`);
    await page.emulateMedia({ media: 'print' });
    const text = normalise(await page.locator('main').innerText());
    expect(text.match(/Where to get help/g)?.length).toBe(1);
    expect(text).not.toContain('Print this page');
    expect(text).not.toContain('Back to top');
    // Each address is printed once: the link text already shows it, so print CSS adds no second copy.
    const after = await page
      .locator('.handout-services a.external')
      .evaluateAll((links) => links.map((a) => getComputedStyle(a, '::after').content));
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((content) => content === 'none')).toBe(true);
    await page.close();
  });

  it('should keep headings with what follows them and scenario boxes whole when printed', async () => {
    const { id } = lesson();
    const { page } = await site.open(`/lessons/${id}/handout/`);
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ({
      h2: getComputedStyle(document.querySelector('.handout h2')!).breakAfter,
      scenario: document.querySelector('.scenario')
        ? getComputedStyle(document.querySelector('.scenario')!).breakInside
        : 'avoid',
    }));
    expect(styles).toEqual({ h2: 'avoid', scenario: 'avoid' });
    await page.close();
  });
});

describe('writing space in the teacher view', () => {
  it('should say "Pupils write here" instead of drawing blank lines, while the handout keeps the lines', async () => {
    const withLines = exampleLibrary().lessons.find((l) =>
      l.cycles.some((c) => c.practice?.source.includes('::lines')),
    );
    expect(withLines, 'the example library has a practice task with ::lines').toBeDefined();
    const { page } = await site.open(`/lessons/${withLines!.id}/`);
    expect(await page.locator('.lesson-body .answer-line').count()).toBe(0);
    expect(await page.locator('.lesson-body .lines-note').first().textContent()).toMatch(
      /^Pupils write here \(\d+ lines?\)$/,
    );
    await page.close();
    const handout = await site.open(`/lessons/${withLines!.id}/handout/`);
    expect(await handout.page.locator('.answer-line').count()).toBeGreaterThan(0);
    expect(await handout.page.locator('.lines-note').count()).toBe(0);
    await handout.page.close();
  });
});
