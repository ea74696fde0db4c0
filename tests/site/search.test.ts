import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEARCHED_PAGES } from '../../src/pipeline/site.ts';
import { builtPages, exampleLibrary, openSite } from './fixture.ts';
import type { SiteSession } from './fixture.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('search on the library page', () => {
  it('should find a lesson by one of its keywords and link to it', async () => {
    const lesson = exampleLibrary().lessons.find((l) => l.keywords.some((k) => k.keyword === 'phishing'))!;
    const { page, problems } = await site.open('/');
    await page.getByLabel('Search lessons').fill('phishing');
    await page.getByRole('button', { name: 'Search' }).click();
    const link = page.locator('[data-search-list] a', { hasText: lesson.title });
    await link.first().waitFor({ timeout: 10_000 });
    expect(await link.first().getAttribute('href')).toBe(`/lessons/${lesson.id}/`);
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/found for “phishing”/);
    expect(problems).toEqual([]);
    expect(site.browser.requests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(site.browser.requests.filter((url) => !url.startsWith(site.server.url))).toEqual([]);
    await page.close();
  });

  it('should label each result with the kind of page and the key stage', async () => {
    const lesson = exampleLibrary().lessons.find((l) => l.keywords.some((k) => k.keyword === 'phishing'))!;
    const { page } = await site.open('/');
    await page.getByLabel('Search lessons').fill('phishing');
    await page.getByLabel('Search lessons').press('Enter');
    const link = page.locator('[data-search-list] a', { hasText: lesson.title }).first();
    await link.waitFor({ timeout: 10_000 });
    const stage = lesson.keyStage!.replace('key-stage-', 'Key stage ');
    expect(await link.locator('.result-kind').textContent()).toBe(`Lesson · ${stage}`);
    // A screen reader hears the title, then the kind: "Spotting online scams, Lesson · Key stage 3".
    expect((await link.textContent())?.replace(/\s+/g, ' ')).toBe(`${lesson.title} , Lesson · ${stage}`);
    await page.close();
  });

  it('should say so when nothing matches', async () => {
    const { page } = await site.open('/');
    await page.getByLabel('Search lessons').fill('xylophonequartz');
    await page.getByLabel('Search lessons').press('Enter');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/Nothing found/);
    expect(await page.locator('[data-search-list] li').count()).toBe(0);
    await page.close();
  });
});

describe('the search index', () => {
  it('should read every page that marks content for search, and no handout or slides page', () => {
    const pages = builtPages().map((page) => page.slice(1));
    const marked = pages.filter((page) =>
      readFileSync(path.join(inject('siteDir'), page), 'utf8').includes('data-pagefind-body'),
    );
    expect(marked.length).toBeGreaterThan(exampleLibrary().lessons.length);
    expect(marked.filter((page) => !path.matchesGlob(page, SEARCHED_PAGES))).toEqual([]);
    const skipped = pages.filter((page) => /\/(handout|slides)\/index\.html$/.test(page));
    expect(skipped.length).toBe(exampleLibrary().lessons.length * 2);
    expect(skipped.filter((page) => path.matchesGlob(page, SEARCHED_PAGES))).toEqual([]);
  });
});

describe('filters on the library page', () => {
  it('should show only the lessons of the chosen UKCIS strand and say how many', async () => {
    const { lessons } = exampleLibrary();
    const strand = 'privacy-and-security';
    const expected = lessons.filter((l) => l.curriculumLinks?.connectedWorld?.includes(strand));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(lessons.length);
    const { page } = await site.open('/');
    await page.getByLabel('UKCIS strand').selectOption(strand);
    const visible = page.locator('.lesson-card:visible');
    await expect.poll(() => visible.count()).toBe(expected.length);
    expect(await page.locator('[data-filter-status]').textContent()).toBe(
      `Showing ${expected.length} of ${lessons.length} lessons.`,
    );
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => visible.count()).toBe(lessons.length);
    await page.close();
  });
});
