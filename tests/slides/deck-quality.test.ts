import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Lesson, Library } from '../../src/lesson/types.ts';
import { pdfsOf, poppler } from '../pdf/helpers.ts';
import { renderPptx } from '../../src/pptx/index.ts';
import { buildSlideDeck, fitSlide, measureBody } from '../../src/slides/index.ts';
import { slideLimit } from '../../src/slides/slide-warnings.ts';

// The starter library's decks, read back: balanced splits, no slide that is only a heading,
// no deck longer than one slide per 1.5 minutes, and the same slides in every output.
const root = path.resolve(import.meta.dirname, '../..');
const { library } = loadLibrary(path.join(root, 'lessons'), { today: '2026-12-01' });

const part = /^(.*) \((\d+) of (\d+)\)$/;

function problems(lesson: Lesson, lib: Library): string[] {
  const { slides } = buildSlideDeck(lesson, lib);
  const found: string[] = [];
  slides.forEach((slide, index) => {
    if (slide.kind !== 'title' && slide.kind !== 'section' && slide.body.length === 0)
      found.push(`${lesson.id} slide ${index + 1} “${slide.title}” is only a heading`);
    if (slide.body.length > 0 && slide.body.every((node) => node.type === 'heading'))
      found.push(`${lesson.id} slide ${index + 1} “${slide.title}” holds only a heading`);
    const match = part.exec(slide.title);
    if (match && Number(match[2]) > 1) {
      const before = slides[index - 1];
      const mine = measureBody(slide.body, { library: lib });
      const theirs = measureBody(before.body, { library: lib });
      if (mine < theirs / 3)
        found.push(`${lesson.id} “${slide.title}”: ${mine.toFixed(1)} lines after ${theirs.toFixed(1)}`);
    }
  });
  return found;
}

describe('the starter library’s decks', () => {
  it('should split evenly and never leave a content slide that is only a heading', () => {
    expect(library.lessons.flatMap((lesson) => problems(lesson, library))).toEqual([]);
  });

  it('should have at most one slide per 1.5 minutes of the lesson', () => {
    const over = library.lessons
      .map((lesson) => ({
        id: lesson.id,
        count: buildSlideDeck(lesson, library).slides.length,
        limit: slideLimit(lesson.durationInMinutes),
      }))
      .filter((deck) => deck.count > deck.limit)
      .map((deck) => `${deck.id}: ${deck.count} slides, limit ${deck.limit}`);
    expect(over).toEqual([]);
  });

  it('should give the slides PDF one page a slide', async () => {
    for (const lesson of library.lessons) {
      // The slides PDF as the build renders it.
      const { byName } = await pdfsOf(lesson, library);
      const pdf = byName.get(`${lesson.id}-slides.pdf`);
      expect(pdf, lesson.id).toBeDefined();
      const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf!))?.[1]);
      expect(pages, lesson.id).toBe(buildSlideDeck(lesson, library).slides.length);
    }
  }, 120_000);

  it('should give the PowerPoint as many slides as the PDF (LibreOffice)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pshe-deck-quality-'));
    try {
      const expected: Record<string, number> = {};
      for (const lesson of library.lessons) {
        const deck = buildSlideDeck(lesson, library);
        expected[lesson.id] = deck.slides.length;
        writeFileSync(path.join(dir, `${lesson.id}.pptx`), await renderPptx(deck, { library }));
      }
      const files = readdirSync(dir)
        .filter((name) => name.endsWith('.pptx'))
        .map((name) => path.join(dir, name));
      // All ten in one LibreOffice run, with a private profile (see libreoffice.test.ts).
      const profile = `file://${path.join(dir, 'profile')}`;
      execFileSync(
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
        {
          stdio: 'pipe',
          timeout: 540_000,
        },
      );
      for (const [id, count] of Object.entries(expected)) {
        const info = execFileSync('pdfinfo', [path.join(dir, `${id}.pdf`)]).toString();
        expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), id).toBe(count);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('fitSlide', () => {
  it('should split a long list evenly between items, not leave one item on the last slide', () => {
    const items = Array.from({ length: 11 }, (_, i) => `Rule ${i + 1}: a short line.`);
    const body = [
      {
        type: 'list' as const,
        ordered: false,
        spread: false,
        children: items.map((value) => ({
          type: 'listItem' as const,
          spread: false,
          children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] }],
        })),
      },
    ];
    const parts = fitSlide({ kind: 'ground-rules', title: 'Ground rules', body, notes: [] });
    const counts = parts.map((slide) => (slide.body[0].type === 'list' ? slide.body[0].children.length : 0));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(11);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(Math.floor(11 / parts.length) - 1);
    expect(parts.map((slide) => slide.title)).toEqual(['Ground rules (1 of 2)', 'Ground rules (2 of 2)']);
  });
});
