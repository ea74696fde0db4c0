import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe.ts';
import { pshe, tempOut } from '../build/helpers.ts';
import { openSite, type SiteSession } from './fixture.ts';

const lessonId = 'spotting-online-scams';
const school = {
  name: 'Riverside Academy',
  dslName: 'Ms Okafor',
  dslContact: 'Room 12, or ask any member of staff to find Ms Okafor',
  signOff: 'Mrs Patel, Head of PSHE',
  accentColour: '#7a1f5c',
};

/** A file the page offers, downloaded as a user does (a click on its link, named by the file). */
async function download(page: Page, name: string): Promise<Buffer> {
  const link = page.getByRole('link', { name });
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(file.suggestedFilename()).toBe(name);
  return readFileSync((await file.path())!);
}

async function fillSchool(page: Page, values: Partial<typeof school>) {
  const labels: Record<keyof typeof school, string> = {
    name: 'School name',
    dslName: 'Designated Safeguarding Lead’s name (optional)',
    dslContact: 'How pupils and families reach the DSL',
    signOff: 'Who signs the letters home (optional)',
    accentColour: 'Accent colour (optional)',
  };
  for (const [field, value] of Object.entries(values)) {
    await page.getByLabel(labels[field as keyof typeof school], { exact: true }).fill(value);
  }
}

const finished = (page: Page) =>
  page.waitForFunction(
    () => /ready|could not|Nothing/.test(document.getElementById('progress')?.textContent ?? ''),
    null,
    {
      timeout: 60_000,
    },
  );

describe('/personalise/: a school’s details and a class’s names on every file, made in the browser', () => {
  let site: SiteSession;

  beforeAll(async () => {
    site = await openSite();
  });

  afterAll(async () => {
    await site?.close();
  });

  it('should be linked from the lesson page, and make every file as pshe build --school --rename does', async () => {
    const { page, problems } = await site.open(`/lessons/${lessonId}/`);
    await page.getByRole('link', { name: 'Make it ours' }).click();
    await page.waitForURL(/\/personalise\/\?lesson=/);
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    const character = (await page.locator('#characters label').first().textContent())!.replace('New name for ', '');
    expect(character).toMatch(/^\p{Lu}/u);
    await fillSchool(page, school);
    await page.getByLabel(`New name for ${character}`).fill('Alex');
    // Keyboard only: Enter in a field sends the form.
    await page.getByLabel(`New name for ${character}`).press('Enter');
    await finished(page);
    expect(await page.locator('#progress').textContent()).toMatch(/^\d+ files are ready/);
    const offered = await page.locator('#file-list a').allTextContents();

    // The same school.yaml and the same rename, given to `pshe build`.
    const schoolFile = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-school-')), 'school.yaml');
    writeFileSync(
      schoolFile,
      Object.entries(school)
        .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
        .join('\n'),
    );
    const out = tempOut();
    const built = pshe([
      'build',
      '--lessons',
      'examples/library',
      '--out',
      out,
      '--school',
      schoolFile,
      '--rename',
      `${character}=Alex`,
    ]);
    expect(built.status, built.stderr).toBe(0);
    const downloads = path.join(out, 'downloads', lessonId);
    // Every file the build makes for the lesson, its pack too, and only those.
    expect([...offered].sort()).toEqual(readdirSync(downloads).sort());
    // The three a DSL prints, and the pack, which holds every other file: each as pshe build made it.
    // (Chromium stops a page's downloads after ten in a row, so not each file on its own.)
    for (const suffix of ['handout.pdf', 'parent-letter.pdf', 'dsl-briefing.pdf', 'pack.zip']) {
      const name = `${lessonId}-${suffix}`;
      const bytes = await download(page, name);
      expect(bytes.equals(readFileSync(path.join(downloads, name))), `${name} differs from pshe build's`).toBe(true);
    }
    const letter = execFileSync('pdftotext', ['-layout', path.join(downloads, `${lessonId}-parent-letter.pdf`), '-'], {
      encoding: 'utf8',
    });
    expect(letter).toContain('Riverside Academy');
    expect(letter).toContain('Mrs Patel, Head of PSHE');
    const plan = execFileSync('pdftotext', [path.join(downloads, `${lessonId}-lesson-plan.pdf`), '-'], {
      encoding: 'utf8',
    });
    expect(plan).toContain('Alex');
    expect(plan).not.toMatch(new RegExp(`\\b${character}\\b`));
    // Nothing left this machine: every request went to the site itself.
    expect(site.browser.requests.filter((url) => !url.startsWith(site.server.url))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should show each problem at its field and in a summary that links to it, and pass axe', async () => {
    const { page } = await site.open(`/personalise/?lesson=${lessonId}`);
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await fillSchool(page, { name: 'Riverside Academy', dslContact: 'Room 12', accentColour: 'blue' });
    const firstName = (await page.locator('#characters label').first().textContent())!.replace('New name for ', '');
    await page.getByLabel(`New name for ${firstName}`).fill('Jay.*');
    await page.getByRole('button', { name: 'Make the files' }).click();
    // The names are checked on the page first, as pshe build --rename checks them.
    const summary = page.locator('#error-summary');
    await summary.waitFor({ state: 'visible' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    expect(await summary.textContent()).toMatch(new RegExp(`The new name for ${firstName} is not a first name`));
    // A name the PDFs' font cannot draw: refused as pshe build --rename refuses it, at its field.
    await page.getByLabel(`New name for ${firstName}`).fill('Алекс中');
    await page.getByRole('button', { name: 'Make the files' }).click();
    await finished(page);
    await expect
      .poll(() => page.locator(`#character-0-error`).textContent())
      .toMatch(/^Error: The new name for .*: the PDFs' font cannot draw "中" \(U\+4E2D\)/);
    expect(await page.locator('#file-list a').count()).toBe(0);
    await page.getByLabel(`New name for ${firstName}`).fill('');
    await page.getByRole('button', { name: 'Make the files' }).click();
    // Then the profile, by the loader's own schema and messages: the summary has the focus and is in view.
    await finished(page);
    await summary.waitFor({ state: 'visible' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    await expect
      .poll(() => summary.evaluate((element) => element.getBoundingClientRect().top), { timeout: 5000 })
      .toBeGreaterThanOrEqual(0);
    expect(await summary.evaluate((element) => element.getBoundingClientRect().top < innerHeight)).toBe(true);
    const accent = page.getByLabel('Accent colour (optional)', { exact: true });
    expect(await accent.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await accent.getAttribute('aria-describedby'))!.split(' ');
    const message = await page.locator(`#${describedBy.at(-1)}`).textContent();
    expect(message).toMatch(/^Error: .*colour/);
    await page.locator('#error-list a').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('school-accentColour');
    expect(await page.locator('#file-list a').count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });

  it('should save the school as a school.yaml and load it again, and refuse a file that is not one', async () => {
    const { page } = await site.open(`/personalise/?lesson=${lessonId}`);
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    await fillSchool(page, { name: 'St Mary’s "Upper" School: Riverside', dslContact: 'Room 12' });
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save as school.yaml' }).click(),
    ]);
    expect(saved.suggestedFilename()).toBe('school.yaml');
    const text = readFileSync((await saved.path())!, 'utf8');
    expect(text).toBe('name: "St Mary’s \\"Upper\\" School: Riverside"\ndslContact: "Room 12"\n');
    // The same file drives pshe build --school: `pshe check` reads it without a problem.
    const folder = mkdtempSync(path.join(tmpdir(), 'pshe-saved-'));
    writeFileSync(path.join(folder, 'school.yaml'), text);
    const checked = pshe(['check', '--lessons', 'examples/library', '--school', path.join(folder, 'school.yaml')]);
    expect(checked.stdout + checked.stderr).not.toMatch(/school\.yaml:\d+/);

    const fresh = (await site.open(`/personalise/?lesson=${lessonId}`)).page;
    await fresh.getByRole('button', { name: 'Make the files' }).waitFor();
    await fresh.getByLabel('Load school.yaml').setInputFiles(path.join(folder, 'school.yaml'));
    await expect.poll(() => fresh.getByLabel('School name').inputValue()).toBe('St Mary’s "Upper" School: Riverside');
    expect(await fresh.getByLabel('How pupils and families reach the DSL').inputValue()).toBe('Room 12');

    writeFileSync(path.join(folder, 'broken.yaml'), 'name: [Riverside\n');
    await fresh.getByLabel('Load school.yaml').setInputFiles(path.join(folder, 'broken.yaml'));
    await fresh.locator('#error-summary').waitFor({ state: 'visible' });
    // Read by the loader itself, in the worker: refused with the line, as pshe build --school refuses it.
    await expect
      .poll(() => fresh.locator('#school-file-error').textContent())
      .toMatch(/^Error: broken\.yaml, line \d+: .*Check the indentation/);
    expect(await fresh.getByLabel('School name').inputValue()).toBe('St Mary’s "Upper" School: Riverside');
    // A helpline written as a number is not text: the build refuses it, so the page does not quietly drop it.
    writeFileSync(path.join(folder, 'numbers.yaml'), 'name: Riverside\ndslContact: Room 12\ndeputyDsl: 116123\n');
    await fresh.getByLabel('Load school.yaml').setInputFiles(path.join(folder, 'numbers.yaml'));
    await expect
      .poll(() => fresh.locator('#school-file-error').textContent())
      .toMatch(/numbers\.yaml, line 3: .*deputyDsl/);
    expect(await fresh.getByLabel('School name').inputValue()).toBe('St Mary’s "Upper" School: Riverside');
    expect(await runAxe(fresh)).toEqual([]);
    await page.close();
    await fresh.close();
  });

  it('should keep the details only when asked, in this browser, and forget them when asked', async () => {
    const { page } = await site.open(`/personalise/?lesson=${lessonId}`);
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    const character = (await page.locator('#characters label').first().textContent())!.replace('New name for ', '');
    await fillSchool(page, { name: 'Riverside Academy', dslContact: 'Room 12' });
    await page.getByLabel(`New name for ${character}`).fill('Alex');
    await page.getByRole('button', { name: 'Make the files' }).click();
    await finished(page);
    // Not ticked: nothing kept.
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.getByLabel('Remember on this device').check();
    await page.getByRole('button', { name: 'Make the files' }).click();
    await finished(page);
    await page.reload();
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    await expect.poll(() => page.getByLabel('School name').inputValue()).toBe('Riverside Academy');
    expect(await page.getByLabel(`New name for ${character}`).inputValue()).toBe('Alex');
    expect(await page.getByLabel('Remember on this device').isChecked()).toBe(true);
    // Ticked, what is typed is kept as it is typed: a reload without making any files loses nothing.
    await page.getByLabel('School name').fill('Riverside Academy Trust');
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('pshe-kit:personalise') ?? ''))
      .toContain('Riverside Academy Trust');
    await page.reload();
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    await expect.poll(() => page.getByLabel('School name').inputValue()).toBe('Riverside Academy Trust');
    // A service added, then removed: what is kept follows the form, removals too.
    const kept = () => page.evaluate(() => localStorage.getItem('pshe-kit:personalise') ?? '');
    await page.getByRole('button', { name: 'Add a local service' }).click();
    await page.getByLabel('Name of the service').fill('Riverside Youth Hub');
    await expect.poll(kept).toContain('Riverside Youth Hub');
    await page.getByRole('button', { name: 'Remove local service 1' }).click();
    await expect.poll(kept).not.toContain('Riverside Youth Hub');
    // Unticked, forgotten at once, and said so.
    await page.getByLabel('Remember on this device').uncheck();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await expect.poll(() => page.locator('#progress').textContent()).toMatch(/^Not kept/);
    await page.getByLabel('Remember on this device').check();
    await expect.poll(() => page.locator('#progress').textContent()).toMatch(/^Kept on this device/);
    expect(await page.evaluate(() => localStorage.length)).toBe(1);
    await page.getByRole('button', { name: 'Forget these details' }).click();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    expect(await page.getByLabel(`New name for ${character}`).inputValue()).toBe('');
    expect(await page.getByLabel('Remember on this device').isChecked()).toBe(false);
    expect(await site.browser.context.cookies()).toEqual([]);
    // What another version of the page kept, or a hand edit, is forgotten rather than trusted.
    await page.evaluate(() =>
      localStorage.setItem(
        'pshe-kit:personalise',
        JSON.stringify({
          school: { fields: {}, services: [] },
          logo: { name: 'x.png', image: { type: 'png', width: 1, height: 1, bytes: '%%%' } },
          names: {},
        }),
      ),
    );
    await page.reload();
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.getByLabel('Remember on this device').isChecked()).toBe(false);
    await page.close();
  });

  it('should stop when asked, and leave no files from the run it stopped', async () => {
    const { page, problems } = await site.open(`/personalise/?lesson=${lessonId}`);
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    await fillSchool(page, { name: 'Riverside Academy', dslContact: 'Room 12' });
    await page.getByRole('button', { name: 'Make the files' }).click();
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(await page.locator('#progress').textContent()).toBe('Stopped. No files were made.');
    // Long enough for the run it stopped to have finished, had it gone on.
    await page.waitForTimeout(3000);
    expect(await page.locator('#progress').textContent()).toBe('Stopped. No files were made.');
    expect(await page.locator('#file-list a').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('make');
    // And it makes them again when asked.
    await page.getByRole('button', { name: 'Make the files' }).click();
    await finished(page);
    expect(await page.locator('#progress').textContent()).toMatch(/^\d+ files are ready/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('files-title');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should say so, not fail, for a lesson the site does not have', async () => {
    const { page, problems } = await site.open('/personalise/?lesson=no-such-lesson');
    await expect.poll(() => page.locator('#progress').textContent()).toMatch(/no lesson of that name/);
    expect(await page.locator('#personalise').isHidden()).toBe(true);
    expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
    await page.close();
  });
});
