import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe.ts';
import { png } from '../helpers/png.ts';
import { pshe, tempOut } from '../build/helpers.ts';
import { exampleLibrary, openSite, type SiteSession } from './fixture.ts';

/** A file the page offers, downloaded as a user does (a click on its link, named by the file). */
async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  expect(file.suggestedFilename()).toBe(name);
  return readFileSync((await file.path())!);
}

const finished = (page: Page) =>
  page.waitForFunction(
    () => /ready|could not|Nothing/.test(document.getElementById('progress')?.textContent ?? ''),
    null,
    { timeout: 90_000 },
  );

/** The local service's fields, by label, as a DSL would type them. */
const service = {
  'Name of the service': 'Riverside Youth Hub',
  'What it helps with, for pupils': 'Talk to a youth worker about anything that worries you.',
  'Who it is for': 'Young people in Riverside',
  Ages: '11 to 18',
  'Phone (optional)': '01632 960123',
  'Date these details were checked': '2026-11-20',
};

describe('/personalise/?unit=: a unit’s pack, with a logo and local services, made in the browser', () => {
  let site: SiteSession;
  const unit = exampleLibrary().units[0];

  beforeAll(async () => {
    site = await openSite();
  });

  afterAll(async () => {
    await site?.close();
  });

  it('should make the unit pack and approval sheet from the unit page as pshe build does with the saved school.yaml', async () => {
    const { page, problems } = await site.open(`/units/${unit.id}/`);
    await page.getByRole('link', { name: 'Make it ours' }).click();
    await page.waitForURL(/\/personalise\/\?unit=/);
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    expect(await page.locator('#lesson-title').textContent()).toContain(unit.title);
    const character = (await page.locator('#characters label').first().textContent())!.replace('New name for ', '');

    const folder = mkdtempSync(path.join(tmpdir(), 'pshe-unit-school-'));
    writeFileSync(path.join(folder, 'crest.png'), png(120, 80));
    await page.getByLabel('School name').fill('Riverside Academy');
    await page.getByLabel('How pupils and families reach the DSL').fill('Room 12');
    await page.getByLabel('School logo (optional)').setInputFiles(path.join(folder, 'crest.png'));
    await expect.poll(() => page.locator('#school-logo-status').textContent()).toContain('crest.png');
    await page.getByRole('button', { name: 'Add a local service' }).click();
    // The new service's first field takes the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('service-0-name');
    for (const [label, value] of Object.entries(service)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel(`New name for ${character}`).fill('Alex');
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Make the files' }).click();
    await finished(page);
    expect(await page.locator('#progress').textContent()).toBe('2 files are ready below.');
    const offered = await page.locator('#file-list a').allTextContents();
    expect(offered).toEqual([`${unit.id}-pack.zip`, `${unit.id}-approval.pdf`]);

    // The school.yaml the page saves, with the logo beside it, given to pshe build with the same rename.
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save as school.yaml' }).click(),
    ]);
    const schoolText = readFileSync((await saved.path())!, 'utf8');
    expect(schoolText).toContain('logo: "crest.png"');
    expect(schoolText).toContain('    name: "Riverside Youth Hub"');
    writeFileSync(path.join(folder, 'school.yaml'), schoolText);
    const out = tempOut();
    // With the SOURCE_DATE_EPOCH the site was built with (tests/global-setup.ts): the approval sheet's day.
    const built = pshe(
      [
        'build',
        '--lessons',
        'examples/library',
        '--out',
        out,
        '--school',
        path.join(folder, 'school.yaml'),
        '--rename',
        `${character}=Alex`,
      ],
      { SOURCE_DATE_EPOCH: '1767225600' },
    );
    expect(built.status, built.stderr).toBe(0);
    for (const name of offered) {
      const bytes = await download(page, name);
      const theirs = readFileSync(path.join(out, 'downloads', 'units', name));
      expect(bytes.equals(theirs), `${name} differs from pshe build's`).toBe(true);
    }
    const approval = execFileSync('pdftotext', [path.join(out, 'downloads', 'units', `${unit.id}-approval.pdf`), '-'], {
      encoding: 'utf8',
    });
    expect(approval).toContain('Riverside Academy');
    expect(site.browser.requests.filter((url) => !url.startsWith(site.server.url))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should go on making files with the network cut once the page has loaded', async () => {
    const { page, problems } = await site.open(`/personalise/?lesson=${unit.lessons[0]}`);
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.context().setOffline(true);
    try {
      await page.getByLabel('School name').fill('Riverside Academy');
      await page.getByLabel('How pupils and families reach the DSL').fill('Room 12');
      await page.getByRole('button', { name: 'Make the files' }).click();
      await finished(page);
      expect(await page.locator('#progress').textContent()).toMatch(/^\d+ files are ready/);
    } finally {
      await page.context().setOffline(false);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should refuse a logo that is not a PNG or JPEG, and a service without what the check needs, at their fields', async () => {
    const { page } = await site.open(`/personalise/?lesson=${unit.lessons[0]}`);
    await page.getByRole('button', { name: 'Make the files' }).waitFor();
    const folder = mkdtempSync(path.join(tmpdir(), 'pshe-bad-logo-'));
    writeFileSync(path.join(folder, 'crest.png'), 'GIF89a not really a picture');
    await page.getByLabel('School logo (optional)').setInputFiles(path.join(folder, 'crest.png'));
    await page.locator('#error-summary').waitFor({ state: 'visible' });
    expect(await page.locator('#school-logo-error').textContent()).toBe(
      'Error: The logo `crest.png` is not a PNG or JPEG file. Save the logo as PNG or JPEG.',
    );
    expect(await page.getByLabel('School logo (optional)').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('School name').fill('Riverside Academy');
    await page.getByLabel('How pupils and families reach the DSL').fill('Room 12');
    await page.getByRole('button', { name: 'Add a local service' }).click();
    await page.getByLabel('Name of the service', { exact: true }).fill('Riverside Youth Hub');
    await page.getByLabel('Website (optional)').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Make the files' }).click();
    await finished(page);
    await page.locator('#error-summary').waitFor({ state: 'visible' });
    // The check's own messages (the schema's, the link rule's), each at the service's field.
    expect(await page.locator('#service-0-audience-error').textContent()).toMatch(
      /^Error: Local service 1, Who it is for: Missing required field `audience`/,
    );
    expect(await page.locator('#service-0-ages-error').textContent()).toMatch(
      /^Error: Local service 1, Ages: Missing required field `ages`/,
    );
    // A date box is asked for a date, not "text".
    expect(await page.locator('#service-0-verifiedOn-error').textContent()).toMatch(
      /verifiedOn`: add it \(a date written as YYYY-MM-DD, such as 2027-09-01\)/,
    );
    expect(await page.locator('#file-list a').count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);

    // Removed, the service is gone and the files are made, without a logo.
    await page.getByRole('button', { name: 'Remove local service 1' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-service');
    await page.getByRole('button', { name: 'Make the files' }).click();
    await finished(page);
    expect(await page.locator('#progress').textContent()).toMatch(/^\d+ files are ready/);
    await page.close();
  });

  it('should say so, not fail, for a unit the site does not have', async () => {
    const { page, problems } = await site.open('/personalise/?unit=no-such-unit');
    await expect.poll(() => page.locator('#progress').textContent()).toMatch(/no unit of that name/);
    expect(await page.locator('#personalise').isHidden()).toBe(true);
    expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
    await page.close();
  });
});
