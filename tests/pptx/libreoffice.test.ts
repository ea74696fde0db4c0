import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPptx } from '../../src/pptx/index.ts';
import { buildSlideDeck } from '../../src/slides/index.ts';
import { exampleLesson } from '../slides/fixture.ts';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const available = has('soffice') && has('pdftotext');
const skipped = 'skipped: LibreOffice (`soffice`) or poppler-utils (`pdftotext`) is not installed';
if (!available) console.warn(`LibreOffice round trip ${skipped}.`);
const test = available ? it : it.skip;

describe('the PowerPoint in LibreOffice', () => {
  test(`should open headless and convert to a PDF with one page a slide and every slide title${available ? '' : ` (${skipped})`}`, async () => {
    const { lesson, library } = exampleLesson('spotting-online-scams');
    const deck = buildSlideDeck(lesson, library);
    const dir = mkdtempSync(path.join(tmpdir(), 'pshe-pptx-lo-'));
    try {
      const input = path.join(dir, `${lesson.id}-slides.pptx`);
      writeFileSync(input, await renderPptx(deck, { library }));
      // A private profile, so a desktop LibreOffice (or a parallel run) never blocks the conversion.
      const profile = `file://${path.join(dir, 'profile')}`;
      execFileSync(
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
        {
          stdio: 'pipe',
          timeout: 120_000,
        },
      );
      const pdf = path.join(dir, `${lesson.id}-slides.pdf`);
      expect(readdirSync(dir)).toContain(path.basename(pdf));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBe(deck.slides.length);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      for (const slide of deck.slides) expect(text).toContain(slide.title);
      expect(text).toContain('Childline');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
