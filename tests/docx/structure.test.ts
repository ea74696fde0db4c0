import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readableAccent } from '../../src/pdf/theme.ts';
import { png } from '../helpers/png.ts';
import { exampleLesson, exampleLibrary, field } from '../pdf/helpers.ts';
import { docxParts, paragraphTexts, styledParagraphs, wordDocumentsOf } from './docx-parts.ts';

/**
 * A teacher can edit the Word documents without fighting them: Word's own
 * styles, real lists and tables, ruled lines to write on, tick boxes, alt
 * text, a real footer, British English, A4. Checked in the XML, as Word and
 * an accessibility checker read it.
 */
const base = exampleLesson();
const secret = 'Quietly check on the pupil who lost money last term';
const dir = mkdtempSync(path.join(tmpdir(), 'pshe-docx-'));
writeFileSync(path.join(dir, 'feed.png'), png(120, 60));
const lesson = {
  ...base,
  file: path.join(dir, 'lesson.yaml'),
  cycles: [
    {
      ...base.cycles[0],
      practice: field(
        [
          '### Your task',
          `:::teacher\n${secret}.\n:::`,
          ':::scenario{name="Ava"}\nAva gets a message saying she has won a voucher.\n:::',
          '![A phone showing a feed of short videos](feed.png)',
          'Write down two warning signs.',
          '::lines{count=3}',
          '2. Why might Ava reply?',
          '::lines{count=2}',
          '- [ ] I can name a warning sign',
          '[Report it](https://www.ceop.police.uk/safety-centre/)',
        ].join('\n\n'),
      ),
    },
    ...base.cycles.slice(1),
  ],
};
const library = exampleLibrary();
const documents = wordDocumentsOf(lesson, library);

const headingLevel = (style: string | undefined) =>
  style === 'Title' ? 0 : style?.startsWith('Heading') ? Number(style.slice(7)) : undefined;

describe('the Word handout and plan', () => {
  it('should be A4 with one body, and a footer on every page naming where to get help', async () => {
    for (const bytes of Object.values(await documents)) {
      const parts = docxParts(bytes);
      const body = parts.get('word/document.xml')!;
      expect(body.match(/<w:body>/g)).toHaveLength(1);
      expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(body).toMatch(/<w:footerReference w:type="default" r:id="rId\d+"\/>/);
      expect(paragraphTexts(parts.get('word/footer1.xml')!).join(' ')).toMatch(/Outside school: .*(Childline|NSPCC)/);
    }
  });

  it('should use Title and headings in order, with no level skipped', async () => {
    for (const bytes of Object.values(await documents)) {
      const levels = styledParagraphs(docxParts(bytes).get('word/document.xml')!)
        .map((p) => headingLevel(p.style))
        .filter((level) => level !== undefined);
      expect(levels[0]).toBe(0);
      expect(levels.filter((level) => level === 0)).toHaveLength(1);
      // "### Your task" in a practice field sits one level under its section, whatever its depth.
      const task = styledParagraphs(docxParts(bytes).get('word/document.xml')!).find((p) => p.text === 'Your task');
      expect(task?.style).toMatch(/^Heading[23]$/);
      levels.reduce((previous, level) => {
        expect(level).toBeLessThanOrEqual(previous + 1);
        return level;
      });
      const styles = docxParts(bytes).get('word/styles.xml')!;
      for (const [id, name] of [
        ['Title', 'Title'],
        ['Heading1', 'heading 1'],
        ['Heading2', 'heading 2'],
        ['ListBullet', 'List Bullet'],
        ['ListNumber', 'List Number'],
      ]) {
        expect(styles).toContain(`w:styleId="${id}"><w:name w:val="${name}"/>`);
      }
    }
  });

  it('should mark every table header row to repeat, and reference only numbering that exists', async () => {
    for (const bytes of Object.values(await documents)) {
      const parts = docxParts(bytes);
      const body = parts.get('word/document.xml')!;
      const tables = [
        ...body.matchAll(/<w:tbl>[\s\S]*?<w:tblStyle w:val="LessonTable"\/>[\s\S]*?<w:tr\b[\s\S]*?<\/w:tr>/g),
      ];
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) expect(table[0]).toContain('<w:tblHeader/>');
      const numbering = parts.get('word/numbering.xml')!;
      const used = new Set([...body.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
      expect(used.size).toBeGreaterThan(1);
      for (const id of used) expect(numbering).toMatch(new RegExp(`<w:num w:numId="${id}"[ >]`));
      const abstract = new Set([...numbering.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"/g)].map((m) => m[1]));
      for (const m of numbering.matchAll(/<w:abstractNumId w:val="(\d+)"\/>/g)) expect(abstract).toContain(m[1]);
      const relationships = parts.get('word/_rels/document.xml.rels')!;
      for (const m of body.matchAll(/r:(?:id|embed)="([^"]+)"/g)) expect(relationships).toContain(`Id="${m[1]}"`);
      const drawingIds = [...body.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(drawingIds).size).toBe(drawingIds.length);
    }
  });

  it('should set the title, subject and British English', async () => {
    const { handout } = await documents;
    const parts = docxParts(handout);
    const core = parts.get('docProps/core.xml')!;
    expect(core).toContain(`<dc:title>${lesson.title}: handout</dc:title>`);
    expect(core).toContain(`<dc:subject>Handout for ${lesson.title}</dc:subject>`);
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(parts.get('word/styles.xml')).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>/);
    // Line spacing said to be proportional: LibreOffice reads a spacing without a rule as exact, and a title overlaps itself.
    expect(parts.get('word/styles.xml')).toMatch(/<w:pPrDefault><w:pPr><w:spacing [^>]*w:lineRule="auto"/);
  });

  it('should leave staff-only notes and answers out of the handout, and keep them in the plan', async () => {
    const { handout, plan } = await documents;
    const pupils = paragraphTexts(docxParts(handout).get('word/document.xml')!).join('\n');
    const staff = paragraphTexts(docxParts(plan).get('word/document.xml')!).join('\n');
    expect(pupils).toContain('Ava gets a message saying she has won a voucher.');
    for (const hidden of [secret, 'For staff', 'DSL notes', '(answer)']) expect(pupils).not.toContain(hidden);
    expect(staff).toContain(secret);
    expect(staff).toContain('(answer)');
  });

  it('should give the handout tick boxes, ruled lines to write on, and a numbered question that keeps its number', async () => {
    const { handout } = await documents;
    const paragraphs = styledParagraphs(docxParts(handout).get('word/document.xml')!);
    expect(paragraphs.filter((p) => p.style === 'QuizOption').every((p) => p.text.startsWith('☐ '))).toBe(true);
    const question = paragraphs.findIndex((p) => p.text === 'Write down two warning signs.');
    expect(paragraphs.slice(question + 1, question + 5).map((p) => p.style)).toEqual([
      'WritingLine',
      'WritingLine',
      'WritingLine',
      'ListNumber',
    ]);
    const why = paragraphs[question + 4];
    expect(why.text).toBe('Why might Ava reply?');
    // "2." after lines stays 2: its list starts at 2.
    const numbering = docxParts(handout).get('word/numbering.xml')!;
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(why.xml)![1];
    const abstractId = new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/`).exec(
      numbering,
    )![1];
    expect(numbering).toMatch(
      new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[\\s\\S]*?<w:start w:val="2"/>`),
    );
    expect(paragraphs.find((p) => p.text.includes('I can name a warning sign'))?.text).toBe(
      '☐ I can name a warning sign',
    );
    const styles = docxParts(handout).get('word/styles.xml')!;
    // A line stays a line when typed on, and lines in a row each keep their rule.
    expect(styles).toMatch(/w:styleId="WritingLine">[\s\S]*?<w:next w:val="WritingLine"\/>[\s\S]*?<w:between /);
  });

  it('should put a scenario in a box of its own style with its name as the label', async () => {
    const { handout } = await documents;
    const body = docxParts(handout).get('word/document.xml')!;
    const box = /<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*?<w:tblStyle w:val="ScenarioBox"\/>[\s\S]*?<\/w:tbl>/.exec(body)?.[0];
    expect(box).toBeDefined();
    expect(paragraphTexts(box!)).toEqual(['Scenario: Ava', 'Ava gets a message saying she has won a voucher.']);
  });

  it('should embed an image with its description as alt text, and link with the address shown', async () => {
    const { handout } = await documents;
    const parts = docxParts(handout);
    const body = parts.get('word/document.xml')!;
    expect(body).toMatch(
      /<wp:docPr id="\d+" name="A phone showing a feed of short videos" descr="A phone showing a feed of short videos"/,
    );
    expect([...parts.keys()].some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
    expect(paragraphTexts(body).join('\n')).toContain('Report it (www.ceop.police.uk/safety-centre)');
    expect(parts.get('word/_rels/document.xml.rels')).toContain(
      'Target="https://www.ceop.police.uk/safety-centre/" TargetMode="External"',
    );
  });

  it('should keep two boxes in a row apart, and end every table cell with a paragraph', async () => {
    const boxes = {
      ...lesson,
      cycles: [
        {
          ...base.cycles[0],
          practice: field(
            ':::scenario{name="Ava"}\nAva reads a message.\n\n| Sign | Example |\n| --- | --- |\n| Urgency | Reply now |\n:::\n\n:::discuss\nWhat should Ava do?\n:::',
          ),
        },
      ],
    };
    const { handout } = await wordDocumentsOf(boxes, library);
    const body = docxParts(handout).get('word/document.xml')!;
    // Word would join tables that touch into one.
    expect(body).not.toContain('</w:tbl><w:tbl>');
    expect(body).toMatch(/ScenarioBox[\s\S]*?<\/w:tbl><w:p><w:pPr><w:pStyle w:val="Spacer"\/>/);
    for (const cell of body.matchAll(/<\/w:tbl><\/w:tc>/g))
      expect(cell[0], 'a cell ending with a table').toBeUndefined();
  });

  it('should leave out characters XML cannot hold, so Word still opens the file', async () => {
    const odd = { ...lesson, learningOutcome: 'I can name two \uffff ways \ud800 to get help.' };
    for (const bytes of Object.values(await wordDocumentsOf(odd, library))) {
      const body = docxParts(bytes).get('word/document.xml')!;
      expect(body).toContain('I can name two  ways  to get help.');
      expect(body).not.toMatch(/[\uffff\ufffe]|[\ud800-\udfff]/);
    }
  });

  it("should colour headings with the school's accent when the profile sets one", async () => {
    const school = { name: 'Fernhill Example Academy', dslContact: 'room S4', accentColour: '#7a1f5c' };
    const { plan } = await wordDocumentsOf(lesson, { ...library, school });
    const styles = docxParts(plan).get('word/styles.xml')!;
    const accent = readableAccent('#7a1f5c').slice(1).toUpperCase();
    expect(styles).toMatch(new RegExp(`w:styleId="Heading1">[\\s\\S]*?<w:color w:val="${accent}"/>`));
    expect(paragraphTexts(docxParts(plan).get('word/footer1.xml')!).join(' ')).toContain('Fernhill Example Academy');
  });
});
