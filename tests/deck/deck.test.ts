import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { buildSlideDeck, webSlides } from '../../src/slides/index.ts';
import { runAxe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import type { TestBrowser } from '../helpers/browser.ts';
import { serveFolder } from '../helpers/static-server.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { exampleLesson } from '../slides/fixture.ts';

const { lesson, library } = exampleLesson('spotting-online-scams');
const deck = buildSlideDeck(lesson, library);
/** The web deck reveals quiz answers on each question's slide, so it has no answers slides. */
const shown = webSlides(deck.slides);
const titles = shown.map((slide) => slide.title);
const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

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
    expect(await page.locator('section.slide').count()).toBe(shown.length);
    await page.keyboard.press('ArrowRight');
    expect(await visibleTitles(page)).toEqual([titles[1]]);
    expect(await slideNumber(page)).toBe('#2');
    await page.keyboard.press('Space');
    expect(await current(page)).toBe(titles[2]);
    // Slide 3 is the starter quiz: the first "next" reveals its answers, the second moves on.
    await page.keyboard.press('PageDown');
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

  it('should reveal a question’s answer on its own slide at the first “next”, say it, and then move on', async () => {
    expect(deck.slides.some((slide) => slide.kind === 'answer')).toBe(true);
    expect(titles.filter((title) => /answers?$/.test(title))).toEqual([]);
    const question = shown.findIndex((slide) => slide.reveal?.length);
    expect(question).toBeGreaterThan(-1);
    const answerText = normalise(toString({ type: 'root', children: shown[question].reveal! }));
    expect(answerText).toMatch(/^Answer/);
    const page = await open(`#${question + 1}`);
    const answer = page.locator('section.slide.is-current [data-answer]');
    expect(await answer.isVisible()).toBe(false);
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toBe(titles[question]);
    expect(await answer.isVisible()).toBe(true);
    expect(normalise(await answer.textContent())).toBe(answerText);
    expect(normalise(await page.locator('[data-alert]').textContent())).toBe(answerText);
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toBe(titles[question + 1]);
    // Back: the question slide comes back fully built.
    await page.keyboard.press('ArrowLeft');
    expect(await current(page)).toBe(titles[question]);
    expect(await answer.isVisible()).toBe(true);
    await page.close();
    // With the mouse (or a switch): the button shows the answer.
    const other = await open(`#${question + 1}`);
    await other.getByRole('button', { name: 'Show the answer' }).click();
    expect(await other.locator('section.slide.is-current [data-answer]').isVisible()).toBe(true);
    expect(await other.getByRole('button', { name: 'Show the answer' }).isVisible()).toBe(false);
    await other.close();
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
    // The whole window goes black: the buttons and the key list too, not only the slide.
    const covered = await page.evaluate(() => {
      const at = (el: Element | null) => {
        const box = el!.getBoundingClientRect();
        return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.hasAttribute('data-blackout');
      };
      return [at(document.querySelector('.deck-controls')), at(document.querySelector('#deck-help'))];
    });
    expect(covered).toEqual([true, true]);
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
    // Slide 5 explains; slide 6 is a check for understanding whose answer builds on the slide.
    expect(shown[5].reveal?.length).toBeTruthy();
    const audience = await open('#5');
    const [presenter] = await Promise.all([browser.context.waitForEvent('page'), audience.keyboard.press('p')]);
    await presenter.waitForFunction(() => document.documentElement.classList.contains('deck-presenter'));
    expect(new URL(presenter.url()).search).toBe('?presenter');
    expect(await current(presenter)).toBe(titles[4]);
    const notes = () => presenter.locator('[data-notes-for]:visible').textContent();
    expect(await notes()).toContain('Ask pupils for an example of each before revealing the list.');
    expect(await presenter.locator('section.slide.is-next h2').textContent()).toBe(titles[5]);
    expect(await presenter.locator('[data-next-title]').textContent()).toBe(`Next: ${titles[5]}`);

    await audience.keyboard.press('ArrowRight');
    await presenter.waitForFunction(
      (title) => document.querySelector('.slide.is-current h2')?.textContent === title,
      titles[5],
    );
    // The notes of slide 6 as the slide model writes them (src/slides), whatever their wording.
    expect(normalise(await notes())).toContain(normalise(toString(shown[5].notes[0])).slice(0, 40));

    // The presenter's "next" first reveals the answer on both screens, then moves both on.
    await presenter.keyboard.press('ArrowRight');
    await audience.waitForFunction(() => document.querySelector('.slide.is-current [data-answer]:not([hidden])'));
    expect(await current(audience)).toBe(titles[5]);
    await presenter.keyboard.press('ArrowRight');
    await audience.waitForFunction(
      (title) => document.querySelector('.slide.is-current h2')?.textContent === title,
      titles[6],
    );
    expect(await slideNumber(audience)).toBe('#7');

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

  it('should make the notes the main panel of the presenter view, large, sizable with + and −, scrollable with J and K', async () => {
    const page = await open('?presenter#5');
    await page.waitForFunction(() => document.documentElement.classList.contains('deck-presenter'));
    const notes = page.locator('[data-notes-panel]');
    const width = async (selector: string) => (await page.locator(selector).boundingBox())!.width;
    expect(await width('[data-notes-panel]')).toBeGreaterThan(await width('section.slide.is-current'));
    const size = () => notes.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const start = await size();
    expect(start).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('+');
    expect(await size()).toBeGreaterThan(start);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(await size()).toBeLessThan(start);
    await page.getByRole('button', { name: /Larger text/ }).click();
    expect(await size()).toBe(start);
    // Big enough that the notes overflow their panel, then J scrolls down and K back up.
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    expect(await notes.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await page.keyboard.press('j');
    await expect.poll(() => notes.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await page.keyboard.press('k');
    await expect.poll(() => notes.evaluate((el) => el.scrollTop)).toBe(0);
    // The slide stays where it was: J and K move the notes, not the deck.
    expect(await current(page)).toBe(titles[4]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('should show the time used in the current part of the lesson against its planned minutes', async () => {
    const cycle = lesson.cycles[0];
    const slide = shown.findIndex((s) => s.section === cycle.title);
    const page = await open(`?presenter#${slide + 1}`);
    await page.waitForFunction(() => document.documentElement.classList.contains('deck-presenter'));
    const status = page.locator('[data-part-status]');
    await expect
      .poll(() => status.textContent())
      .toMatch(new RegExp(`^Learning cycle 1: .+: 0:0\\d of ${cycle.durationInMinutes} min$`));
    await page.close();
  });

  it('should need nothing from the network once loaded, and ask no other host for anything', async () => {
    const page = await open();
    const before = browser.requests.length;
    await browser.context.setOffline(true);
    try {
      // One press a slide, and one more on each question slide to reveal its answer.
      const presses = titles.length + shown.filter((slide) => slide.reveal?.length).length;
      for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowRight');
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
