import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPptx } from '../../src/pptx/index.ts';
import { buildSlideDeck } from '../../src/slides/index.ts';
import type { SlideDeck } from '../../src/slides/index.ts';
import { exampleLesson } from '../slides/fixture.ts';

/**
 * Convert a PowerPoint with LibreOffice Impress, as an office suite opens it,
 * and read the PDF back. LibreOffice is a test dependency
 * (scripts/ensure-system-deps.ts installs it): this test never skips.
 */
function throughLibreOffice(bytes: Uint8Array, name: string): { pages: number; text: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-pptx-lo-'));
  try {
    const input = path.join(dir, `${name}.pptx`);
    writeFileSync(input, bytes);
    // A private profile, so a desktop LibreOffice (or a parallel run) never blocks the conversion.
    const profile = `file://${path.join(dir, 'profile')}`;
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const pdf = path.join(dir, `${name}.pdf`);
    expect(readdirSync(dir)).toContain(path.basename(pdf));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    return { pages, text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the PowerPoint in LibreOffice', () => {
  it('should open headless and convert to a PDF with one page a slide and every slide title', async () => {
    const { lesson, library } = exampleLesson('spotting-online-scams');
    const deck = buildSlideDeck(lesson, library);
    const { pages, text } = throughLibreOffice(await renderPptx(deck, { library }), lesson.id);
    expect(pages).toBe(deck.slides.length);
    for (const slide of deck.slides) expect(text).toContain(slide.title);
    expect(text).toContain('Childline');
  }, 180_000);

  it('should still open when the text holds control characters (a vertical tab from Word, an escape)', async () => {
    const { lesson, library } = exampleLesson('spotting-online-scams');
    const deck: SlideDeck = buildSlideDeck({ ...lesson, title: 'Spotting online\u000bscams\u001b[31m' }, library);
    deck.slides[1] = { ...deck.slides[1], title: `Ground\u000brules\u0007` };
    const { pages, text } = throughLibreOffice(await renderPptx(deck, { library }), 'control-characters');
    expect(pages).toBe(deck.slides.length);
    expect(text).toMatch(/Spotting online\s*scams/);
  }, 180_000);
});
