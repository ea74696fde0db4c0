import { describe, expect, it } from 'vitest';
import { exampleLesson, field, pdfsOf, poppler, words } from './helpers.ts';

const base = exampleLesson();
const vocabulary = ['safety', 'online', 'message', 'trusted', 'adult', 'report', 'block', 'screenshot'];
const prose = (count: number, tag: string) =>
  Array.from({ length: count }, (_, i) => (i % 500 === 0 ? `${tag}${i}` : vocabulary[i % vocabulary.length])).join(' ');
const columns = 9;
const wideTable = [
  `| ${Array.from({ length: columns }, (_, c) => `Heading${c}`).join(' | ')} |`,
  `| ${Array.from({ length: columns }, () => '---').join(' | ')} |`,
  ...Array.from(
    { length: 80 },
    (_, r) => `| ${Array.from({ length: columns }, (_, c) => `r${r}c${c} text`).join(' | ')} |`,
  ),
].join('\n');
const tallCell = `| Topic | Notes |\n| --- | --- |\n| Long | ${prose(3000, 'cellmark')} |\n| Last | row |`;
const markdown = `${prose(5000, 'paramark')}\n\n${'x'.repeat(2500)}\n\n${wideTable}\n\n${tallCell}\n\n::lines{count=60}`;
const lesson = {
  ...base,
  cycles: [{ ...base.cycles[0], explanation: field(markdown), practice: field(markdown) }, ...base.cycles.slice(1)],
};

describe('long content', () => {
  it('should render a 5,000-word paragraph, a huge table and a very long word in every PDF without a crash', async () => {
    const { files, diagnostics } = await pdfsOf(lesson);
    expect(files.map((f) => f.name.replace(`${base.id}-`, ''))).toEqual([
      'lesson-plan.pdf',
      'lesson-guide.pdf',
      'handout.pdf',
      'handout-large-print.pdf',
      'slides.pdf',
      'slides-with-notes.pdf',
      'dsl-briefing.pdf',
      'parent-letter.pdf',
    ]);
    expect(diagnostics.filter((d) => d.message.includes('could not be made'))).toEqual([]);
  });

  it('should keep every word inside the page, and lose none of the paragraph or the tall cell', async () => {
    const { byName } = await pdfsOf(lesson);
    for (const name of ['lesson-plan.pdf', 'handout.pdf', 'handout-large-print.pdf']) {
      const all = words(byName.get(`${base.id}-${name}`)!);
      const outside = all.filter(
        (w) => w.xMin < 0 || w.yMin < 0 || w.xMax > w.pageWidth + 0.5 || w.yMax > w.pageHeight + 0.5,
      );
      expect(outside, name).toEqual([]);
      const text = all.map((w) => w.text);
      for (let i = 0; i < 5000; i += 500) expect(text, `${name} paramark${i}`).toContain(`paramark${i}`);
      for (let i = 0; i < 3000; i += 500) expect(text, `${name} cellmark${i}`).toContain(`cellmark${i}`);
      expect(text.filter((w) => w === 'Last').length, name).toBeGreaterThan(0);
      expect(text.join('')).toContain('x'.repeat(200));
    }
  });

  it('should keep table cells inside their columns and shrink a wide table instead of running off the page', async () => {
    const { byName, diagnostics } = await pdfsOf(lesson);
    const all = words(byName.get(`${base.id}-handout.pdf`)!);
    const heading = all.find((w) => w.text === `Heading${columns - 1}`);
    expect(heading).toBeDefined();
    expect(heading!.xMax).toBeLessThanOrEqual(heading!.pageWidth - 40);
    // At 9 columns the standard handout shrinks the text and fits; large print (16 pt minimum) cannot, and says so.
    expect(diagnostics.some((d) => d.ruleId === 'render-adjusted' && d.message.includes('too wide'))).toBe(true);
  });

  it("should repeat a long table's header row at the top of every page it continues on, tagged once", async () => {
    const { byName } = await pdfsOf(lesson);
    for (const name of ['handout.pdf', 'lesson-plan.pdf']) {
      const bytes = byName.get(`${base.id}-${name}`)!;
      const all = words(bytes);
      const rows = all.filter((w) => /^r\d+c0$/.test(w.text));
      const pages = [...new Set(rows.map((w) => w.page))];
      expect(pages.length, `${name}: the table should run over pages`).toBeGreaterThan(1);
      for (const page of pages) {
        const heading = all.find((w) => w.page === page && w.text === 'Heading0');
        const first = rows.find((w) => w.page === page)!;
        expect(heading, `${name} page ${page}`).toBeDefined();
        expect(heading!.yMax, `${name} page ${page}`).toBeLessThanOrEqual(first.yMin);
      }
      // The header cells are tagged once a table (TH); the repeats are artifacts.
      const struct = poppler('pdfinfo', bytes, ['-struct-text']);
      const tables = all.filter((w) => w.text === 'r0c0').length;
      expect(tables, name).toBeGreaterThan(0);
      expect(struct.match(/"Heading0"/g) ?? [], name).toHaveLength(tables);
    }
  });
});
