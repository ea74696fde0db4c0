import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPptx } from '../../src/pptx/index.ts';
import { buildSlideDeck } from '../../src/slides/index.ts';
import { exampleLesson, lessonFromYaml, lessonYaml } from '../slides/fixture.ts';
import { notesXml, parts, slideXml, texts } from './pptx-parts.ts';

const scams = () => {
  const { lesson, library } = exampleLesson('spotting-online-scams');
  return { lesson, library, deck: buildSlideDeck(lesson, library) };
};

const teacherLesson = () =>
  lessonFromYaml(
    lessonYaml(`  - title: Comparing messages
    durationInMinutes: 20
    explanation: |
      Compare the two messages.

      | Sign | Example |
      | --- | --- |
      | Urgency | "Reply in **10 minutes**" |
      | Secrecy | "Don't tell anyone" |

      :::teacher
      SECRET-TEACHER-NOTE: some pupils may have been scammed.
      :::
`),
  );

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('renderPptx', () => {
  it('should give the same bytes for the same deck, whatever the time', async () => {
    const { library, deck } = scams();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-05-06T07:08:09Z'));
    const first = await renderPptx(deck, { library });
    vi.setSystemTime(new Date('2031-10-11T12:13:14Z'));
    const second = await renderPptx(deck, { library });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(parts(first).get('docProps/core.xml')).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z<',
    );
  });

  it('should date the file from SOURCE_DATE_EPOCH when it is set', async () => {
    const { library, deck } = scams();
    vi.stubEnv('SOURCE_DATE_EPOCH', '1767312000');
    const core = parts(await renderPptx(deck, { library })).get('docProps/core.xml')!;
    expect(core).toContain('2026-01-02T00:00:00Z</dcterms:created>');
    expect(core).toContain('2026-01-02T00:00:00Z</dcterms:modified>');
  });

  it('should store the parts in sorted order, without directory entries', async () => {
    const { library, deck } = scams();
    const names = [...parts(await renderPptx(deck, { library })).keys()];
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.some((name) => name.endsWith('/'))).toBe(false);
  });

  it('should make a 16:9 presentation with one slide for each slide of the deck', async () => {
    const { library, deck } = scams();
    const files = parts(await renderPptx(deck, { library }));
    expect(slideXml(files)).toHaveLength(deck.slides.length);
    expect(files.get('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"');
  });

  it('should write the slides as editable text, titles first', async () => {
    const { library, deck } = scams();
    const slides = slideXml(parts(await renderPptx(deck, { library })));
    deck.slides.forEach((slide, index) => {
      expect(slides[index]).not.toContain('<p:pic>');
      expect(texts(slides[index]).startsWith(slide.title)).toBe(true);
    });
    const signs = slides[deck.slides.findIndex((s) => s.title === 'Three warning signs')];
    expect(texts(signs)).toContain('Too good to be true');
    expect(signs).toContain('<a:buChar');
  });

  it('should put the presenter notes in the notes of every slide', async () => {
    const { library, deck } = scams();
    const notes = notesXml(parts(await renderPptx(deck, { library })));
    expect(notes).toHaveLength(deck.slides.length);
    for (const xml of notes) expect(texts(xml).trim().length).toBeGreaterThan(0);
    const index = deck.slides.findIndex((s) => s.title === 'Three warning signs');
    expect(texts(notes[index])).toContain('Ask pupils for an example of each before revealing the list.');
    // One paragraph a line, not one run with line breaks inside it.
    expect(notes[index]).not.toMatch(/<a:t>[^<]*\n/);
  });

  it('should make a markdown table a real table', async () => {
    const { lesson, library } = teacherLesson();
    const deck = buildSlideDeck(lesson, library);
    const slides = slideXml(parts(await renderPptx(deck, { library })));
    const withTable = slides.filter((xml) => xml.includes('<a:tbl>'));
    expect(withTable).toHaveLength(1);
    expect(withTable[0].match(/<a:tr /g)).toHaveLength(3);
    expect(texts(withTable[0])).toContain('Urgency');
    expect(withTable[0]).toMatch(/b="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>10 minutes<\/a:t>/);
  });

  it('should keep teacher-only text out of the slides and in the notes', async () => {
    const { lesson, library } = teacherLesson();
    const files = parts(await renderPptx(buildSlideDeck(lesson, library), { library }));
    for (const xml of slideXml(files)) expect(xml).not.toContain('SECRET-TEACHER-NOTE');
    expect(notesXml(files).some((xml) => xml.includes('SECRET-TEACHER-NOTE'))).toBe(true);
  });

  it("should use the school's accent colour, darkened when white text on it would be hard to read", async () => {
    const { library, deck } = scams();
    const school = { name: 'Test School', dslContact: 'Room 12', accentColour: '#1d4ed8' };
    const blue = slideXml(parts(await renderPptx(deck, { library: { ...library, school } })))[0];
    expect(blue).toContain('<a:srgbClr val="1D4ED8"/>');
    const yellow = slideXml(parts(await renderPptx(deck, { library, accentColour: '#ffdd00' })))[0];
    expect(yellow).not.toContain('FFDD00');
  });

  it('should write a help service as its name, contact and a working link', async () => {
    const { library, deck } = scams();
    const files = parts(await renderPptx(deck, { library }));
    const last = slideXml(files).at(-1)!;
    expect(texts(last)).toContain('Childline');
    expect(texts(last)).toContain('0800 1111');
    const rels = files.get(`ppt/slides/_rels/slide${deck.slides.length}.xml.rels`)!;
    expect(rels).toContain('Target="https://www.childline.org.uk"');
  });

  it('should avoid the pptxgenjs output PowerPoint asks to repair', async () => {
    const { library, deck } = scams();
    const files = parts(await renderPptx(deck, { library }));
    // No [Content_Types].xml entry for a part the file does not hold (gitbrent/PptxGenJS #1444).
    for (const [, part] of files.get('[Content_Types].xml')!.matchAll(/PartName="\/([^"]+)"/g))
      expect(files.has(part)).toBe(true);
    for (const xml of slideXml(files)) {
      // At most one paragraph-properties element a paragraph, and first (PR #1083).
      for (const [, inner] of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        expect(inner.match(/<a:pPr\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
        if (inner.includes('<a:pPr')) expect(inner.startsWith('<a:pPr')).toBe(true);
      }
      const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((match) => match[1]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('should report content it cannot place instead of failing', async () => {
    const { library, deck } = scams();
    const odd = { ...deck, slides: [{ ...deck.slides[0], body: [{ type: 'math', value: 'x^2' } as never] }] };
    const reported: string[] = [];
    const bytes = await renderPptx(odd, {
      library,
      file: 'lesson.yaml',
      report: (d) => reported.push(`${d.file} ${d.ruleId}`),
    });
    expect(reported).toEqual(['lesson.yaml render-adjusted']);
    expect(texts(slideXml(parts(bytes))[0])).toContain('x^2');
  });
});
