// `node scripts/bench-browser.ts [ROUNDS]`: how long `/personalise/` takes to make every file of one
// lesson (its PDFs, Word documents, PowerPoint and pack) in headless Chromium, from the click on
// "Make the files" to the links: the first time (the worker and the renderers' assets loaded) and
// again (warm), and again with Chromium's CPU slowed 4× (a stand-in for an old school laptop).
// Goals (issue 15): ≤ 3 s the first time, ≤ 1.5 s warm, ≤ 6 s slowed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serveFolder } from '../tests/helpers/static-server.ts';
import { chromiumArgs, chromiumPath } from '../tests/helpers/browser.ts';
import { median } from './median.ts';

const rounds = Math.max(3, Number(process.argv[2] ?? 5));
const lesson = 'spotting-online-scams';
const out = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-bench-browser-')), 'site');
const built = spawnSync(process.execPath, ['bin/pshe.js', 'build', '--lessons', 'examples/library', '--out', out], {
  encoding: 'utf8',
});
if (built.status !== 0) throw new Error(`pshe build failed: ${built.stderr}`);
const server = await serveFolder(out);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/** One click on "Make the files" until the links are there; ms. */
async function makeFiles(page: Page): Promise<number> {
  const started = performance.now();
  await page.getByRole('button', { name: 'Make the files' }).click();
  await page.waitForFunction(
    () => /ready|could not|Nothing/.test(document.getElementById('progress')?.textContent ?? ''),
    null,
    {
      timeout: 120_000,
    },
  );
  const elapsed = performance.now() - started;
  const said = await page.locator('#progress').textContent();
  if (!said?.includes('ready')) throw new Error(`the page said: ${said}`);
  return elapsed;
}

async function freshPage(throttle = 1): Promise<Page> {
  const page = await browser.newPage();
  if (throttle > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.goto(`${server.url}/personalise/?lesson=${lesson}`);
  await page.getByLabel('School name').fill('Riverside Academy');
  await page.getByLabel('How pupils and families reach the DSL').fill('Room 12');
  return page;
}

const first: number[] = [];
const warm: number[] = [];
for (let round = 0; round < rounds; round++) {
  const page = await freshPage();
  first.push(await makeFiles(page));
  warm.push(await makeFiles(page));
  await page.close();
}
const slowed = await freshPage(4);
await makeFiles(slowed);
const slow = await makeFiles(slowed);
await browser.close();
await server.close();
rmSync(path.dirname(out), { recursive: true, force: true });

console.log(`/personalise/ in headless Chromium, every file of ${lesson} (12 files), ${rounds} rounds:`);
console.log(`  first time (worker and assets loaded): median ${Math.round(median(first))} ms (goal ≤ 3000 ms)`);
console.log(`  warm: median ${Math.round(median(warm))} ms (goal ≤ 1500 ms)`);
console.log(`  CPU slowed 4×, warm: ${Math.round(slow)} ms (goal ≤ 6000 ms)`);
