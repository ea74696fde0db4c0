import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSlideDeck } from '../../src/slides/index.ts';
import { runAxe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import type { TestBrowser } from '../helpers/browser.ts';
import { serveFolder } from '../helpers/static-server.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { exampleLesson } from '../slides/fixture.ts';

const { lesson, library } = exampleLesson('spotting-online-scams');
const deck = buildSlideDeck(lesson, library);
const titles = deck.slides.map((slide) => slide.title);

let server: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await serveFolder(inject('siteDir'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = ''): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/lessons/${lesson.id}/slides/${hash}`);
  await page.waitForFunction(() => document.documentElement.classList.contains('deck-js'));
  return page;
}

/** The titles of the slides a person can see (hidden ones are not counted). */
const visibleTitles = (page: Page) => page.locator('section.slide:visible h2').allTextContents();

/** Wait for the slide's short fade-in to end, so colours are measured as people see them. */
const settled = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));

const current = (page: Page) => page.locator('section.slide.is-current h2').textContent();
const slideNumber = (page: Page) => page.evaluate(() => location.hash);

describe('the web slide deck', () => {
  it('should show one slide at a time and move with the keyboard, the number in the address', async () => {
    const page = await open();
    expect(await visibleTitles(page)).toEqual([titles[0]]);
    expect(await page.locator('section.slide').count()).toBe(deck.slides.length);
    await page.keyboard.press('ArrowRight');
    expect(await visibleTitles(page)).toEqual([titles[1]]);
    expect(await slideNumber(page)).toBe('#2');
    await page.keyboard.press('Space');
    expect(await current(page)).toBe(titles[2]);
    await page.keyboard.press('PageDown');
    expect(await current(page)).toBe(titles[3]);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect(await current(page)).toBe(titles[1]);
    await page.keyboard.press('End');
    expect(await visibleTitles(page)).toEqual([titles.at(-1)]);
    expect(await slideNumber(page)).toBe(`#${titles.length}`);
    await page.keyboard.press('ArrowRight');
    expect(await slideNumber(page)).toBe(`#${titles.length}`);
    await page.keyboard.press('Home');
    expect(await current(page)).toBe(titles[0]);
    expect(await page.locator('[data-position]').textContent()).toBe(`Slide 1 of ${titles.length}: ${titles[0]}`);
    await page.close();
  });

  it('should keep the place when the page is reloaded or opened at #n', async () => {
    const page = await open('#5');
    expect(await current(page)).toBe(titles[4]);
    await page.keyboard.press('ArrowRight');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.classList.contains('deck-js'));
    expect(await current(page)).toBe(titles[5]);
    expect(await slideNumber(page)).toBe('#6');
    await page.close();
  });

  it('should move with a swipe and with the buttons', async () => {
    const page = await open();
    const swipe = (from: number, to: number) =>
      page.evaluate(
        ([a, b]) => {
          const target = document.querySelector('.slide.is-current')!;
          const touch = (x: number) => new Touch({ identifier: 1, target, clientX: x, clientY: 300 });
          target.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, changedTouches: [touch(a)] }));
          target.dispatchEvent(new TouchEvent('touchend', { bubbles: true, changedTouches: [touch(b)] }));
        },
        [from, to],
      );
    await swipe(600, 300);
    expect(await current(page)).toBe(titles[1]);
    await swipe(300, 600);
    expect(await current(page)).toBe(titles[0]);
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await current(page)).toBe(titles[1]);
    await page.getByRole('button', { name: 'Previous' }).click();
    expect(await current(page)).toBe(titles[0]);
    await page.close();
  });

  it('should black the screen with B and bring the slide back with B', async () => {
    const page = await open();
    await page.keyboard.press('b');
    expect(await page.locator('[data-blackout]').isVisible()).toBe(true);
    await page.keyboard.press('b');
    expect(await page.locator('[data-blackout]').isVisible()).toBe(false);
    await page.close();
  });

  it('should keep hidden slides out of the tab order and show the keys on the page', async () => {
    const page = await open();
    await page.keyboard.press('End');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const inHidden = await page.evaluate(() => Boolean(document.activeElement?.closest('section.slide[hidden]')));
      expect(inHidden).toBe(false);
    }
    expect(await page.locator('#deck-help').isVisible()).toBe(true);
    expect(await page.locator('#deck-help').textContent()).toMatch(/B\s+black screen/);
    expect(await page.locator('[role="application"]').count()).toBe(0);
    await page.close();
  });

  it('should open a presenter view with notes, the next slide and a timer, and keep both windows in step', async () => {
    const audience = await open('#6');
    const [presenter] = await Promise.all([browser.context.waitForEvent('page'), audience.keyboard.press('p')]);
    await presenter.waitForFunction(() => document.documentElement.classList.contains('deck-presenter'));
    expect(new URL(presenter.url()).search).toBe('?presenter');
    expect(await current(presenter)).toBe(titles[5]);
    const notes = () => presenter.locator('[data-notes-for]:visible').textContent();
    expect(await notes()).toContain('Ask pupils for an example of each before revealing the list.');
    expect(await presenter.locator('section.slide.is-next h2').textContent()).toBe(titles[6]);
    expect(await presenter.locator('[data-next-title]').textContent()).toBe(`Next: ${titles[6]}`);

    await audience.keyboard.press('ArrowRight');
    await presenter.waitForFunction(
      (title) => document.querySelector('.slide.is-current h2')?.textContent === title,
      titles[6],
    );
    expect(await notes()).toContain('reveal the answer on the next slide');

    await presenter.keyboard.press('ArrowRight');
    await audience.waitForFunction(
      (title) => document.querySelector('.slide.is-current h2')?.textContent === title,
      titles[7],
    );
    expect(await slideNumber(audience)).toBe('#8');

    await presenter.keyboard.press('b');
    await audience.waitForFunction(() => !document.querySelector('[data-blackout]')?.hasAttribute('hidden'));
    expect(await presenter.locator('[data-black-status]').isVisible()).toBe(true);
    await presenter.keyboard.press('b');
    await audience.waitForFunction(() => document.querySelector('[data-blackout]')?.hasAttribute('hidden'));

    const start = await presenter.locator('[data-timer]').textContent();
    expect(start).toMatch(/^0:0\d$/);
    await presenter.waitForFunction((first) => document.querySelector('[data-timer]')?.textContent !== first, start, {
      timeout: 5000,
    });
    await presenter.close();
    await audience.close();
  });

  it('should need nothing from the network once loaded, and ask no other host for anything', async () => {
    const page = await open();
    const before = browser.requests.length;
    await browser.context.setOffline(true);
    try {
      for (let i = 0; i < titles.length; i++) await page.keyboard.press('ArrowRight');
      expect(await current(page)).toBe(titles.at(-1));
      await page.keyboard.press('Home');
      expect(await current(page)).toBe(titles[0]);
      expect(browser.requests.slice(before)).toEqual([]);
    } finally {
      await browser.context.setOffline(false);
    }
    const hosts = new Set(browser.requests.map((url) => new URL(url).host));
    expect([...hosts]).toEqual([new URL(server.url).host]);
    await page.close();
  });

  it('should not animate when the reader asks for reduced motion', async () => {
    const page = await open();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.keyboard.press('ArrowRight');
    const animation = await page
      .locator('section.slide.is-current')
      .evaluate((el) => getComputedStyle(el).animationName);
    expect(animation).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.keyboard.press('ArrowRight');
    const moving = await page.locator('section.slide.is-current').evaluate((el) => getComputedStyle(el).animationName);
    expect(moving).toBe('deck-fade-in');
    await page.close();
  });

  it('should pass axe on every slide, and in the presenter view', async () => {
    const page = await open();
    for (let i = 0; i < titles.length; i++) {
      await settled(page);
      expect({ slide: i + 1, violations: await runAxe(page) }).toEqual({ slide: i + 1, violations: [] });
      await page.keyboard.press('ArrowRight');
    }
    // The next-slide preview of the last but one slide holds the help slide's links.
    for (const number of [7, titles.length - 1]) {
      await page.goto(`${server.url}/lessons/${lesson.id}/slides/?presenter#${number}`);
      await page.waitForFunction(() => document.documentElement.classList.contains('deck-presenter'));
      await settled(page);
      expect({ presenter: number, violations: await runAxe(page) }).toEqual({ presenter: number, violations: [] });
    }
    await page.close();
  });
});
