import { describe, expect, it } from 'vitest';
import { exampleLesson, field, pdfsOf, poppler } from './helpers.ts';

const base = exampleLesson();
const lesson = {
  ...base,
  cycles: [
    {
      ...base.cycles[0],
      practice: field(
        '# Your task\n\nRead [the guidance](https://www.gov.uk/government/publications/teaching-online-safety-in-schools).\n\n1. First step\n2. Second step\n\n| Sign | Example |\n| --- | --- |\n| Urgency | Reply now |',
      ),
    },
    ...base.cycles.slice(1),
  ],
};

describe('accessible PDFs', () => {
  it('should tag every PDF, at version 1.7, with its title shown and the language set', async () => {
    const { files } = await pdfsOf(lesson);
    expect(files).toHaveLength(8);
    for (const file of files) {
      const info = poppler('pdfinfo', file.bytes);
      expect(info, file.name).toMatch(/Tagged:\s+yes/);
      expect(info, file.name).toMatch(/PDF version:\s+1\.7/);
      expect(info, file.name).toMatch(/Title:\s+Spotting online scams: /);
      const raw = Buffer.from(file.bytes).toString('latin1');
      expect(raw, file.name).toContain('/Lang (en-GB)');
      expect(raw, file.name).toContain('/DisplayDocTitle true');
    }
  });

  it('should embed and subset every font, and use only DejaVu Sans', async () => {
    const { files } = await pdfsOf(lesson);
    for (const file of files) {
      const rows = poppler('pdffonts', file.bytes).trim().split('\n').slice(2);
      expect(rows.length, file.name).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row, file.name).toMatch(/^[A-Z]{6}\+DejaVuSans/);
        expect(row, file.name).toMatch(/\byes\s+yes\s+yes\b/);
      }
    }
  });

  it('should build a structure tree with headings, paragraphs, lists, tables with header cells and links', async () => {
    const { byName } = await pdfsOf(lesson);
    const tree = poppler('pdfinfo', byName.get(`${lesson.id}-handout.pdf`)!, ['-struct-text']);
    for (const element of [
      'Document',
      'H1',
      'H2',
      'H3',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Table',
      'TR',
      'TH',
      'TD',
      'Link',
    ]) {
      expect(tree, element).toMatch(new RegExp(`^\\s*${element}\\b`, 'm'));
    }
    expect(tree).toMatch(/TH <[^>]+>:[\s\S]*?\/Scope \/Column/);
    expect(tree).toContain('"Your task"');
  });

  it('should read the handout in order: title, aim, key words, tasks, quiz, help', async () => {
    const { byName } = await pdfsOf(lesson);
    const text = poppler('pdftotext', byName.get(`${lesson.id}-handout.pdf`)!).replace(/\s+/g, ' ');
    const order = [
      'Spotting online scams',
      'Today’s aim',
      'Key words',
      'Your task',
      'First step',
      'Exit quiz',
      'Where to get help',
    ];
    const positions = order.map((phrase) => text.indexOf(phrase));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('should print a link address readably and keep it clickable', async () => {
    const { byName } = await pdfsOf(lesson);
    const bytes = byName.get(`${lesson.id}-handout.pdf`)!;
    // Compared without spaces: the address may wrap (at a slash or a hyphen) in layout mode.
    const text = poppler('pdftotext', bytes, ['-layout']).replace(/\s+/g, '');
    expect(text).toContain('theguidance(www.gov.uk/government/publications/teaching-online-safety-in-schools)');
    expect(Buffer.from(bytes).toString('latin1')).toContain(
      '/URI (https://www.gov.uk/government/publications/teaching-online-safety-in-schools)',
    );
  });
});
