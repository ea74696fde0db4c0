import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAsset } from '#assets';
import type { RenderRequest } from '../../src/browser/render-messages.ts';
import type { CharacterRenames } from '../../src/lesson/rename.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { renderLessonFiles, type RenderedFile } from '../../src/pipeline/render-downloads.ts';
import { assetFiles, type AssetName } from '../../src/platform/asset-files.ts';
import { personaliseData, personaliseUnit, type PersonaliseData } from '../../src/site/lib/personalise-data.ts';
import { schoolFormOf, schoolYaml } from '../../src/browser/school-yaml.ts';
import { renderUnitFiles } from '../../src/pipeline/render-unit-files.ts';
import { approvalDay } from '../../src/lesson/unit-approval.ts';
import { lessonPackFileName } from '../../src/outputs.ts';
import type { Unit } from '../../src/lesson/types.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { serveFolder, type StaticServer } from '../helpers/static-server.ts';
import { png } from '../helpers/png.ts';
import { riversideHub } from '../helpers/local-service.ts';
import { exampleLesson, exampleLibrary } from '../pdf/helpers.ts';
import { bundleRenderWorker } from './worker-bundle.ts';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * Render a lesson in the bundled worker from what the site publishes for it
 * (the JSON of `/personalise/lessons/<id>.json`), as the page does; the files come back as base64.
 */
async function renderInBrowser(
  page: Page,
  data: PersonaliseData | PersonaliseData[],
  extra: { school?: string; renames?: CharacterRenames; unit?: Unit } = {},
): Promise<{ error?: string; files?: { name: string; bytes: string }[]; diagnostics?: unknown[] }> {
  const sent = {
    datas: JSON.parse(JSON.stringify(Array.isArray(data) ? data : [data])) as PersonaliseData[],
    assets: (Object.keys(assetFiles) as AssetName[]).map((name) => [name, base64(readAsset(name))] as const),
    ...extra,
  };
  return page.evaluate(async ({ datas, assets, school, renames, unit }) => {
    const bytes = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const worker = new Worker('/render-worker.js', { type: 'module' });
    const [data] = datas;
    const message: RenderRequest = {
      id: 1,
      lessons: datas.map((one) => one.lesson),
      ...(unit ? { unit } : {}),
      library: data.library,
      assets: assets.map(([name, text]) => [name, bytes(text)]),
      images: datas.flatMap((one) =>
        one.images.map(
          ([key, image]) => [key, { ...image, bytes: bytes(image.bytes), file: '' }] as RenderRequest['images'][number],
        ),
      ),
      versions: data.versions,
      school,
      renames,
      sourceDateEpoch: data.sourceDateEpoch,
    };
    const answer = await new Promise<MessageEvent['data']>((resolve, reject) => {
      worker.onmessage = (event) => {
        if (!('progress' in event.data)) resolve(event.data);
      };
      worker.onerror = (event) => reject(new Error(`${event.message} at ${event.filename}:${event.lineno}`));
      worker.postMessage(message);
    });
    worker.terminate();
    if ('error' in answer) return { error: answer.error as string };
    return {
      diagnostics: answer.diagnostics as unknown[],
      files: (answer.files as { name: string; bytes: Uint8Array }[]).map((file) => {
        let text = '';
        for (let i = 0; i < file.bytes.length; i += 0x8000)
          text += String.fromCharCode(...file.bytes.subarray(i, i + 0x8000));
        return { name: file.name, bytes: btoa(text) };
      }),
    };
  }, sent);
}

function expectSameFiles(browserFiles: { name: string; bytes: string }[] | undefined, nodeFiles: RenderedFile[]) {
  expect(browserFiles?.map((file) => file.name)).toEqual(nodeFiles.map((file) => file.name));
  for (const [index, file] of browserFiles!.entries()) {
    const same = Buffer.from(file.bytes, 'base64').equals(Buffer.from(nodeFiles[index].bytes));
    if (!same && process.env.PSHE_DUMP) {
      writeFileSync(`/tmp/dump-browser-${file.name}`, Buffer.from(file.bytes, 'base64'));
      writeFileSync(`/tmp/dump-node-${file.name}`, nodeFiles[index].bytes);
    }
    expect(same, `${file.name} differs from pshe build's`).toBe(true);
  }
}

describe('the renderers in a browser (the personalise page’s worker)', () => {
  let folder: string;
  let server: StaticServer;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    folder = await bundleRenderWorker();
    server = await serveFolder(folder);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}/index.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('should make every file of a lesson, its pack too, byte for byte as pshe build makes them', async () => {
    const library = exampleLibrary();
    for (const id of ['spotting-online-scams', 'who-can-help']) {
      const lesson = exampleLesson(id);
      const node = await renderLessonFiles(lesson, library);
      expect(node.files.length).toBeGreaterThanOrEqual(8);
      const reply = await renderInBrowser(page, personaliseData(lesson, library));
      expect(reply.error, `the worker failed on ${id}`).toBeUndefined();
      expectSameFiles(reply.files, node.files);
    }
  });

  it('should make them with a school profile and a renamed character as pshe build --school --rename does', async () => {
    const school = [
      'name: Riverside Academy',
      'dslName: Ms Okafor',
      'dslContact: Room 12, or ask any member of staff to find Ms Okafor',
      'accentColour: "#7a1f5c"',
      'signOff: Mrs Patel, Head of PSHE',
      '',
    ].join('\n');
    const schoolFile = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-school-')), 'school.yaml');
    writeFileSync(schoolFile, school);
    const plain = exampleLesson('spotting-online-scams');
    const data = personaliseData(plain, exampleLibrary());
    const [character] = data.characters;
    expect(character).toBeTruthy();
    const renames = { [character]: 'Alex' };
    const built = loadLibrary('examples/library', { today: '2026-11-26', school: schoolFile, renames }).library;
    const lesson = built.lessons.find((l) => l.id === plain.id)!;
    const node = await renderLessonFiles(lesson, built);
    const reply = await renderInBrowser(page, data, { school, renames });
    expect(reply.error).toBeUndefined();
    expectSameFiles(reply.files, node.files);
    // The school and the new name are really in them: the letter home names the school, the plan Alex.
    const letter = node.files.find((file) => file.name.endsWith('-parent-letter.pdf'));
    expect(letter && Buffer.from(letter.bytes).length).toBeGreaterThan(0);
  });

  it('should date every file as the build did, from its SOURCE_DATE_EPOCH', async () => {
    const before = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const lesson = exampleLesson('who-can-help');
      const node = await renderLessonFiles(lesson, exampleLibrary());
      const data = personaliseData(lesson, exampleLibrary());
      expect(data.sourceDateEpoch).toBe('1700000000');
      const reply = await renderInBrowser(page, data);
      expectSameFiles(reply.files, node.files);
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = before;
    }
  });

  it('should keep a lesson’s images and the site’s logo and local services, and publish no path of the build', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pshe-personalise-lib-'));
    cpSync('examples/library', dir, { recursive: true });
    const unit = path.join(dir, 'staying-safe-online');
    writeFileSync(path.join(unit, 'chart.png'), png(40, 30));
    const lessonFile = path.join(unit, 'who-can-help.yaml');
    const yaml = readFileSync(lessonFile, 'utf8');
    // A picture at the start of the first cycle's explanation.
    const withImage = yaml.replace(/(\n {4}explanation: \|\n)/, '$1      ![A chart of trusted adults](chart.png)\n\n');
    expect(withImage).not.toBe(yaml);
    writeFileSync(lessonFile, withImage);
    cpSync('templates/school.example.yaml', path.join(dir, 'school.yaml'));
    writeFileSync(path.join(dir, 'crest.png'), png(60, 60));
    writeFileSync(
      path.join(dir, 'school.yaml'),
      `${readFileSync(path.join(dir, 'school.yaml'), 'utf8')}logo: crest.png\n`,
    );
    const { library } = loadLibrary(dir, { today: '2026-11-26' });
    const lesson = library.lessons.find((l) => l.id === 'who-can-help')!;
    expect(lesson.images?.length, 'the test lesson shows an image').toBe(1);
    const node = await renderLessonFiles(lesson, library);
    const data = personaliseData(lesson, library);
    expect(data.images.map(([key]) => key).sort()).toEqual([`#school\ncrest.png`, `who-can-help\nchart.png`]);
    // Nothing of where the site was built: not the library's folder, nor the temporary one it is in.
    expect(JSON.stringify(data)).not.toContain(tmpdir());
    // The page fills its form from the site's profile and sends what the form makes: the same profile.
    const made = schoolYaml(schoolFormOf(data.library.school as unknown as Record<string, unknown>));
    expect(made?.text).toMatch(/^localServices:/m);
    expect(made?.text).toMatch(/^logo: "crest\.png"$/m);
    const reply = await renderInBrowser(page, data, { school: made?.text });
    expect(reply.error).toBeUndefined();
    expectSameFiles(reply.files, node.files);
  });

  it('should make a unit’s pack and approval sheet from its lessons, renamed, as pshe build does', async () => {
    const before = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1790000000';
    try {
      const plain = exampleLibrary();
      const unit = plain.units[0];
      const datas = unit.lessons.map((id) => personaliseData(exampleLesson(id), plain));
      const character = datas.flatMap((data) => data.characters)[0];
      const renames = { [character]: 'Alex' };
      const built = loadLibrary('examples/library', { today: '2026-11-26', renames }).library;
      const lessons = unit.lessons.map((id) => built.lessons.find((lesson) => lesson.id === id)!);
      const members = await Promise.all(
        lessons.map(async (lesson) => ({
          lesson,
          bytes: (await renderLessonFiles(lesson, built)).files.find((f) => f.name === lessonPackFileName(lesson.id))!
            .bytes,
        })),
      );
      const node = await renderUnitFiles(unit, members, built, approvalDay());
      expect(node.map((file) => file.name)).toEqual([`${unit.id}-pack.zip`, `${unit.id}-approval.pdf`]);
      const published = personaliseUnit(unit, lessons);
      const reply = await renderInBrowser(page, datas, { renames, unit: published.unit });
      expect(reply.error).toBeUndefined();
      expectSameFiles(reply.files, node);
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = before;
    }
  });

  it('should refuse a profile without a local service a lesson points to, as pshe build --school does', async () => {
    const data = personaliseData(exampleLesson('who-can-help'), exampleLibrary());
    const hub = riversideHub;
    data.lesson.signposts = [...(data.lesson.signposts ?? []), hub.id];
    data.library.school = { name: 'Riverside', dslContact: 'Room 12', localServices: [hub] };
    const kept = await renderInBrowser(page, data, {
      school: schoolYaml(schoolFormOf({ ...data.library.school }))!.text,
    });
    expect(kept.error).toBeUndefined();
    expect(kept.files?.length).toBeGreaterThan(0);
    const dropped = await renderInBrowser(page, data, { school: 'name: Riverside\ndslContact: Room 12\n' });
    expect(dropped.files).toEqual([]);
    expect(JSON.stringify(dropped.diagnostics)).toMatch(/signpost-unknown.*riverside-hub/);
  });

  it('should answer a school profile that does not pass the check with its problems and no files', async () => {
    const data = personaliseData(exampleLesson('who-can-help'), exampleLibrary());
    const reply = await renderInBrowser(page, data, { school: 'name: Riverside\naccentColour: blue\n' });
    expect(reply.files).toEqual([]);
    expect(JSON.stringify(reply.diagnostics)).toMatch(/dslContact|accentColour/);
  });
});
