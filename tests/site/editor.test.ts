import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemText } from '../../src/lesson/diagnostic-text.ts';
import type { Diagnostic } from '../../src/lesson/types.ts';
import { runAxe } from '../helpers/axe.ts';
import { pshe, psheIn } from '../build/helpers.ts';
import { openSite, type SiteSession } from './fixture.ts';

const unit = 'staying-safe-online';
const lessonId = 'who-can-help';
const otherLessonId = 'spotting-online-scams';

/** What the Problems list shows, item by item. */
const problems = (page: Page) => page.locator('#problem-list li').allTextContents();

/** The editor's text, as Download YAML gives it, and the file's name. */
async function downloaded(page: Page): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download YAML' }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/**
 * What `pshe check` prints after the path for this text as `<unit>/<id>.yaml` in a copy of the
 * example library (run in the library's folder, as the site publishes its paths), and its exit status.
 */
function cliProblems(
  text: string,
  id: string,
  listed = false,
): { lines: string[]; status: number | null; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-editor-'));
  cpSync('examples/library', dir, { recursive: true });
  writeFileSync(path.join(dir, unit, `${id}.yaml`), text);
  if (listed) {
    const unitFile = path.join(dir, unit, 'unit.yaml');
    writeFileSync(unitFile, `${readFileSync(unitFile, 'utf8').trimEnd()}\n  - ${id}\n`);
  }
  const run = psheIn(dir, ['check', '--lessons', '.', '--format', 'json', '--no-cache']);
  const found = JSON.parse(run.stdout) as Diagnostic[];
  return {
    lines: found.filter((d) => d.file === `${unit}/${id}.yaml`).map((d) => problemText(d)),
    status: run.status,
    dir,
  };
}

const settled = async (page: Page, before: string[]) => {
  await expect
    .poll(async () => JSON.stringify(await problems(page)), { timeout: 20_000 })
    .not.toBe(JSON.stringify(before));
};

describe('/editor/: a lesson written in the browser, checked as pshe check checks it', () => {
  let site: SiteSession;

  beforeAll(async () => {
    site = await openSite();
  });

  afterAll(async () => {
    await site?.close();
  });

  it('should copy a lesson, show pshe check’s own problems as they are made and fixed, and download a file it accepts', async () => {
    const { page, problems: pageProblems } = await site.open(`/lessons/${lessonId}/`);
    await page.getByRole('link', { name: 'Edit a copy of this lesson' }).click();
    await page.waitForURL(/\/editor\/\?from=/);
    const list = page.getByRole('region', { name: 'Problems' });
    await list.waitFor();
    // The copy keeps the lesson's id, which the library has already: said at the id.
    await expect
      .poll(() => page.locator('#lesson-id-note').textContent(), { timeout: 20_000 })
      .toMatch(/^Taken: this site’s lesson “Who can help when something online worries you” has this id/);
    await expect.poll(() => page.locator('#problem-count').textContent(), { timeout: 20_000 }).not.toBe('');
    expect(await runAxe(page)).toEqual([]);

    // Renamed, it is a lesson of its own: what is listed is what pshe check says of it, as the unit's file.
    let before = await problems(page);
    await page.getByLabel('Lesson id (its file’s name)').fill('who-can-help-again');
    await settled(page, before);
    expect(await page.locator('#lesson-id-note').textContent()).toBe('');
    let copy = await downloaded(page);
    expect(copy.name).toBe('who-can-help-again.yaml');
    expect(await problems(page)).toEqual(cliProblems(copy.text, 'who-can-help-again').lines);

    // The preview: the plan for the teacher, the handout without what only staff read, the slides.
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect
      .poll(() => preview.getByRole('tabpanel').textContent(), { timeout: 20_000 })
      .toContain('Staff never view');
    // Clicked until chosen: on a busy machine a click can land while the status line above the tabs rewraps.
    const handoutTab = page.getByRole('tab', { name: 'Handout' });
    await expect
      .poll(async () => {
        await handoutTab.click();
        return handoutTab.getAttribute('aria-selected');
      })
      .toBe('true');
    const handoutText = (await preview.getByRole('tabpanel').textContent()) ?? '';
    expect(handoutText).toContain('Who could Leo talk to?');
    expect(handoutText).not.toContain('Staff never view');
    await page.getByRole('tab', { name: 'Handout' }).press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Slides');
    expect(await preview.getByRole('tabpanel').textContent()).toContain('Who could you tell?');
    expect(await runAxe(page)).toEqual([]);

    // A mistake typed at the top of the file: the same message as the command line's, at the same place.
    before = await problems(page);
    const editor = page.getByRole('textbox', { name: 'Lesson YAML' });
    await editor.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('sexEducation: perhaps\n');
    await settled(page, before);
    copy = await downloaded(page);
    const cli = cliProblems(copy.text, 'who-can-help-again');
    expect(cli.lines.some((line) => line.includes('sexEducation'))).toBe(true);
    expect(await problems(page)).toEqual(cli.lines);
    // Its item takes the cursor to its place.
    await page.locator('#problem-list button', { hasText: 'sexEducation' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('editor');

    // Deleted, the problem goes; the file, in its unit and listed there, passes pshe check.
    before = await problems(page);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await settled(page, before);
    expect((await problems(page)).join('\n')).not.toContain('sexEducation');
    copy = await downloaded(page);
    const accepted = cliProblems(copy.text, 'who-can-help-again', true);
    expect(accepted.status, accepted.lines.join('\n')).toBe(0);
    expect(accepted.lines.filter((line) => line.includes(': error: '))).toEqual([]);

    // Its files, made on the page, are those pshe build makes of the library with the file in its unit.
    await page.getByRole('button', { name: 'Make the files' }).click();
    await expect
      .poll(() => page.locator('#files-status').textContent(), { timeout: 60_000 })
      .toMatch(/ready|could not/);
    const handout = 'who-can-help-again-handout.pdf';
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: handout }).click(),
    ]);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-editor-out-')), 'site');
    // With the SOURCE_DATE_EPOCH the site was built with (tests/global-setup.ts).
    const built = pshe(['build', '--lessons', accepted.dir, '--out', out], { SOURCE_DATE_EPOCH: '1767225600' });
    expect(built.status, built.stderr).toBe(0);
    expect(
      readFileSync((await file.path())!).equals(
        readFileSync(path.join(out, 'downloads', 'who-can-help-again', handout)),
      ),
    ).toBe(true);

    // The draft is kept on this device until discarded.
    await page.reload();
    await expect.poll(() => page.locator('#editor-status').textContent()).toMatch(/Your draft is back/);
    expect(await page.getByLabel('Lesson id (its file’s name)').inputValue()).toBe('who-can-help-again');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('#editor-status').textContent()).toMatch(/A copy of/);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // Keyboard only: Esc, then Tab, leaves the editor.
    await editor.click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#editor'))).toBeNull();

    expect(site.browser.requests.filter((url) => !url.startsWith(site.server.url))).toEqual([]);
    expect(pageProblems).toEqual([]);
    await page.close();
  });

  it('should keep a draft for each lesson copied, and ask before a new lesson’s draft is replaced', async () => {
    const { page, problems: pageProblems } = await site.open(`/editor/?from=${lessonId}`);
    const editor = page.getByRole('textbox', { name: 'Lesson YAML' });
    const status = page.locator('#editor-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^A copy of/);
    await editor.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# our version\n');
    await expect
      .poll(() => page.evaluate((id) => localStorage.getItem(`pshe-kit:editor-draft:${id}`) ?? '', lessonId))
      .toContain('# our version');
    // Another lesson's copy opens as that lesson, and the first draft stays where it was.
    await page.goto(`${site.server.url}/editor/?from=${otherLessonId}`);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^A copy of/);
    expect(await editor.textContent()).not.toContain('# our version');
    await page.goto(`${site.server.url}/editor/?from=${lessonId}`);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Your draft is back/);
    expect(await editor.textContent()).toContain('# our version');
    // "Start a new lesson" leaves the copy kept under its lesson, and says so.
    await page.getByRole('button', { name: 'Start a new lesson' }).click();
    await expect.poll(() => editor.textContent()).toContain('TODO');
    expect(await status.textContent()).toMatch(/Your copy of “.*” is kept/);
    expect(page.url()).not.toContain('from=');
    // The new lesson's own draft is replaced only when asked: declined, nothing changes.
    await editor.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# a new one\n');
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('pshe-kit:editor-draft') ?? ''))
      .toContain('# a new one');
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Start a new lesson' }).click();
    expect(await editor.textContent()).toContain('# a new one');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Start a new lesson' }).click();
    await expect.poll(() => editor.textContent()).not.toContain('# a new one');
    expect(await page.evaluate(() => localStorage.getItem('pshe-kit:editor-draft'))).toBeNull();
    // The copy's draft was never touched.
    await page.goto(`${site.server.url}/editor/?from=${lessonId}`);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Your draft is back/);
    expect(await editor.textContent()).toContain('# our version');
    expect(pageProblems).toEqual([]);
    await page.close();
  });

  it('should offer the schema’s fields and values, and the help services, as you type', async () => {
    const { page, problems: pageProblems } = await site.open('/editor/');
    // Whatever draft an earlier test left: not this test's.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect.poll(() => page.locator('#problem-count').textContent(), { timeout: 20_000 }).not.toBe('');
    const editor = page.getByRole('textbox', { name: 'Lesson YAML' });
    await editor.click();
    // The template has no `sexEducation`: at the top, typing its start offers it; taken, it writes the key.
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('sexEd');
    await page.getByRole('option', { name: /sexEducation/ }).click();
    await expect.poll(() => editor.textContent()).toContain('sexEducation: #');
    // Its values: a yes-or-no field offers true and false.
    await editor.focus();
    await page.keyboard.type('t');
    await page.getByRole('option', { name: 'true' }).click();
    await expect.poll(() => editor.textContent()).toContain('sexEducation: true');
    // In a list of services, the site's own ids.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('signposts:\n  - child');
    await page.getByRole('option', { name: 'childline' }).waitFor();
    await page.keyboard.press('Escape');
    // Hovering a field's name says what it is.
    await page
      .locator('.cm-line', { hasText: /^audience:/ })
      .first()
      .hover({ position: { x: 20, y: 5 } });
    await expect
      .poll(() => page.locator('.schema-hover').textContent())
      .toMatch(/^audience: One of: pupils, staff, parents/);
    // The keyboard's way to the same words: the field help line follows the cursor.
    await editor.click();
    await page.keyboard.press('Control+Home');
    await expect.poll(() => page.locator('#field-help').textContent()).toMatch(/^sexEducation: /);
    expect(pageProblems).toEqual([]);
    await page.close();
  });

  it('should stay responsive on a hostile lesson and check it without freezing the page', async () => {
    const { page, problems: pageProblems } = await site.open('/editor/');
    await page.getByRole('region', { name: 'Problems' }).waitFor();
    await expect.poll(() => page.locator('#problem-count').textContent(), { timeout: 20_000 }).not.toBe('');
    const folder = mkdtempSync(path.join(tmpdir(), 'pshe-hostile-'));
    const deep = `title: Deep\nsummary: |\n  ${'> '.repeat(400)}deep\n  <script>alert(1)</script> [x](javascript:alert(1))\n`;
    writeFileSync(path.join(folder, 'hostile.yaml'), deep);
    // The draft the test before left in this browser is replaced: the page asks first.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByLabel('Open a lesson file').setInputFiles(path.join(folder, 'hostile.yaml'));
    await expect.poll(() => page.getByLabel('Lesson id (its file’s name)').inputValue()).toBe('hostile');
    // The page answers at once while the worker checks.
    const started = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(2000);
    await expect.poll(() => page.locator('#problem-count').textContent(), { timeout: 20_000 }).toMatch(/error/);
    expect(await page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted)).toBeUndefined();
    expect(await page.locator('.preview-panel script, .preview-panel [href^="javascript:"]').count()).toBe(0);
    expect(pageProblems).toEqual([]);
    await page.close();
  });
});
