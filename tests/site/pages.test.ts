import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe.ts';
import { openSite, pageTypes } from './fixture.ts';
import type { SiteSession } from './fixture.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('every page type', () => {
  for (const { name, path } of pageTypes()) {
    it(`should load the ${name} page with a title, one h1 and no errors`, async () => {
      const { page, problems } = await site.open(path);
      expect(await page.title()).toMatch(/· PSHE Kit$/);
      expect(await page.locator('h1').count()).toBe(1);
      // 404.html itself is a page; anything else missing (a font, a script) would show here.
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`should have no axe violations (WCAG 2.2 A and AA) on the ${name} page`, async () => {
      const { page } = await site.open(path);
      expect(await runAxe(page)).toEqual([]);
      await page.close();
    });

    it(`should carry the CSP and no inline script or style on the ${name} page`, async () => {
      const { page } = await site.open(path);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp).toBe(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'",
      );
      const inline = await page.evaluate(() => ({
        scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
        styles: document.querySelectorAll('style').length,
        styleAttributes: document.querySelectorAll('[style]').length,
      }));
      expect(inline).toEqual({ scripts: 0, styles: 0, styleAttributes: 0 });
      expect(await page.evaluate(() => document.cookie)).toBe('');
      await page.close();
    });
  }

  it('should make no request that leaves 127.0.0.1, with the fonts served from the site', async () => {
    const before = site.browser.requests.length;
    for (const { path } of pageTypes()) {
      const { page } = await site.open(path);
      await page.evaluate(() => document.fonts.ready);
      await page.close();
    }
    const requests = site.browser.requests.slice(before);
    expect(requests.length).toBeGreaterThan(pageTypes().length);
    expect(requests.filter((url) => !url.startsWith(`${site.server.url}/`))).toEqual([]);
    expect(requests.some((url) => /atkinson-hyperlegible.*\.woff2$/.test(url))).toBe(true);
  });

  it('should use Atkinson Hyperlegible for body text', async () => {
    const { page } = await site.open('/');
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() => document.fonts.check('16px "Atkinson Hyperlegible"'));
    expect(loaded).toBe(true);
    await page.close();
  });
});
