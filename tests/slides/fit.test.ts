import type { RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { bodyFits, fitSlide, measureBody, slideTextBudget } from '../../src/slides/index.ts';
import type { Slide } from '../../src/slides/index.ts';

const paragraph = (value: string): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const bullets = (count: number): RootContent => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: Array.from({ length: count }, (_, i) => ({
    type: 'listItem',
    spread: false,
    children: [{ type: 'paragraph', children: [{ type: 'text', value: `Point number ${i + 1} about staying safe` }] }],
  })),
});
const slide = (body: RootContent[]): Slide => ({
  kind: 'content',
  title: 'Keeping safe',
  body,
  notes: [paragraph('Speak slowly.')],
});
/** Every text node's value, in order, across slides: nothing lost, nothing added. */
const words = (slides: Slide[]) => {
  const values: string[] = [];
  for (const s of slides) for (const node of s.body) visit(node, 'text', (text) => void values.push(text.value.trim()));
  return values.filter(Boolean).join(' ');
};

describe('fit', () => {
  it('should count a wrapped paragraph as several lines', () => {
    expect(measureBody([paragraph('x'.repeat(slideTextBudget.charsPerLine * 3))])).toBe(3);
    expect(bodyFits([paragraph('Short.')])).toBe(true);
  });

  it('should leave a slide that fits as it is', () => {
    const short = slide([bullets(4)]);
    expect(fitSlide(short)).toEqual([short]);
  });

  it('should split a long list into continuation slides that each fit, keeping every item', () => {
    const parts = fitSlide(slide([bullets(25)]));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.title)).toEqual(parts.map((_, i) => `Keeping safe (${i + 1} of ${parts.length})`));
    for (const part of parts) expect(bodyFits(part.body)).toBe(true);
    expect(words(parts)).toBe(words([slide([bullets(25)])]));
    expect(toString(parts[0].notes[0])).toBe('Speak slowly.');
    expect(toString(parts[1].notes[0])).toMatch(/notes are on part 1/);
  });

  it('should split a long paragraph between sentences', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Sentence ${i + 1} says something useful here.`).join(' ');
    const parts = fitSlide(slide([paragraph(text)]));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(bodyFits(part.body)).toBe(true);
      expect(toString(part.body[0])).toMatch(/\.$/);
    }
    expect(words(parts)).toBe(text);
  });

  it('should repeat the header row when a table is split', () => {
    const row = (cells: string[]) => ({
      type: 'tableRow' as const,
      children: cells.map((value) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] })),
    });
    const table: Table = {
      type: 'table',
      children: [row(['Sign', 'Example']), ...Array.from({ length: 20 }, (_, i) => row([`Sign ${i}`, `Example ${i}`]))],
    };
    const parts = fitSlide(slide([table]));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const split = part.body[0] as Table;
      expect(split.type).toBe('table');
      expect(toString(split.children[0])).toBe('SignExample');
    }
    expect(parts.reduce((sum, p) => sum + (p.body[0] as Table).children.length - 1, 0)).toBe(20);
  });

  it('should not leave a heading alone at the bottom of a slide', () => {
    const heading: RootContent = { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Next part' }] };
    const parts = fitSlide(slide([bullets(9), heading, paragraph('After the heading.')]));
    for (const part of parts) expect(part.body.at(-1)?.type).not.toBe('heading');
  });
});
