import { HeadingLevel, Paragraph, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx';
import { bodyXml } from './docx-parts.ts';
import { describe, expect, it } from 'vitest';
import { paragraph, run, type RunLook } from '../../src/docx/components.ts';
import { numberedList } from '../../src/docx/styles.ts';

/** Every combination of the run options src/docx/components.ts writes itself. */
function looks(): RunLook[] {
  const found: RunLook[] = [];
  for (let bits = 0; bits < 64; bits++) {
    found.push({
      ...(bits & 1 ? { bold: true } : {}),
      ...(bits & 2 ? { italics: true } : {}),
      ...(bits & 4 ? { strike: true } : {}),
      ...(bits & 8 ? { colour: 'AB12CD' } : {}),
      ...(bits & 16 ? { style: 'Hyperlink' } : {}),
      ...(bits & 32 ? { breakBefore: true } : {}),
    });
  }
  return found;
}

/** The same look as docx's own `TextRun` takes it. */
const textRun = (text: string | undefined, look: RunLook) =>
  new TextRun({
    ...(text === undefined ? {} : { text }),
    ...(look.bold ? { bold: true } : {}),
    ...(look.italics ? { italics: true } : {}),
    ...(look.strike ? { strike: true } : {}),
    ...(look.colour ? { color: look.colour } : {}),
    ...(look.style ? { style: look.style } : {}),
    ...(look.breakBefore ? { break: 1 } : {}),
  });

describe("the Word documents' own runs and paragraphs", () => {
  it("should write every run as docx's TextRun writes it, markup in the text escaped", () => {
    const text = 'Jay\'s "friend" <Sam> & co.';
    for (const look of looks()) {
      for (const words of [text, undefined]) {
        if (words === undefined && !look.breakBefore) continue;
        const ours = bodyXml([new Paragraph({ children: [run(words, look)] })]);
        const docx = bodyXml([new Paragraph({ children: [textRun(words, look)] })]);
        expect(ours, JSON.stringify({ look, words })).toBe(docx);
      }
    }
    expect(bodyXml([new Paragraph({ children: [run(text, {})] })])).toContain(
      'Jay&apos;s &quot;friend&quot; &lt;Sam&gt; &amp; co.',
    );
  });

  it("should write every plain paragraph as docx's Paragraph writes it", () => {
    const runs = (): ParagraphChild[] => [run('One ', { bold: true }), run('two')];
    const options: IParagraphOptions[] = [];
    for (const style of [undefined, 'Note']) {
      for (const keepNext of [undefined, true, false]) {
        for (const children of [[], runs()]) {
          options.push({
            ...(style ? { style } : {}),
            ...(keepNext === undefined ? {} : { keepNext }),
            children,
          });
        }
      }
    }
    options.push({ heading: HeadingLevel.HEADING_2, children: runs() }, {});
    // List items and indented paragraphs, as src/docx/blocks.ts and outline.ts make them.
    for (const style of [undefined, 'ListBullet', 'ListNumber']) {
      for (const reference of ['bullets', 'numbers', 'not-a-list']) {
        for (const level of [0, 1, 3, 9]) {
          for (const instance of [undefined, 0, 2]) {
            for (const keepNext of [undefined, true]) {
              options.push({
                ...(style ? { style } : {}),
                ...(keepNext ? { keepNext } : {}),
                numbering: { reference, level, ...(instance === undefined ? {} : { instance }), custom: true },
                children: runs(),
              });
            }
          }
        }
      }
    }
    for (const left of [0, 360, 1080]) {
      options.push({ style: 'ListContinue', indent: { left }, children: runs() }, { indent: { left } });
      options.push({
        style: 'ListBullet',
        numbering: { reference: 'bullets', level: 1, custom: true },
        indent: { left },
      });
    }
    for (const option of options) {
      const ours = paragraph(option);
      expect(ours, JSON.stringify(option)).not.toBeInstanceOf(Paragraph);
      expect(bodyXml([ours]), JSON.stringify(option)).toBe(bodyXml([new Paragraph(option)]));
    }
    // Several lists in one document: each instance its own list, numbered as docx numbers them.
    const lists = (make: (option: IParagraphOptions) => Paragraph) =>
      bodyXml(
        [0, 1, 2, 1, 0].map((instance) =>
          make({ style: 'ListNumber', numbering: { reference: 'numbers', level: 0, instance, custom: true } }),
        ),
      );
    expect(lists(paragraph)).toBe(lists((option) => new Paragraph(option)));
    expect(lists(paragraph)).toContain('<w:numId w:val="4"/>');
  });

  it("should leave anything else to docx's Paragraph: other numbering and indents, other children", () => {
    // Without `custom`, docx adds the List Paragraph style; a list defined in place, or restarted, is docx's to make.
    expect(paragraph({ style: 'ListBullet', numbering: { reference: 'bullets', level: 0 } })).toBeInstanceOf(Paragraph);
    const fromTwo = numberedList('numbers-from-2', 2);
    expect(paragraph({ numbering: { reference: fromTwo, level: 0, instance: 1, custom: true } })).toBeInstanceOf(
      Paragraph,
    );
    expect(paragraph({ numbering: { reference: 'numbers', level: 0, restart: true, custom: true } })).toBeInstanceOf(
      Paragraph,
    );
    expect(paragraph({ numbering: { reference: 'numbers', level: 0.5, custom: true } })).toBeInstanceOf(Paragraph);
    expect(paragraph({ indent: { left: 360, hanging: 360 }, children: [run('x')] })).toBeInstanceOf(Paragraph);
    expect(paragraph({ indent: { left: '1cm' }, children: [run('x')] })).toBeInstanceOf(Paragraph);
    expect(paragraph({ style: 'A', heading: HeadingLevel.HEADING_1 })).toBeInstanceOf(Paragraph);
    expect(paragraph({ children: [new TextRun('x')] })).toBeInstanceOf(Paragraph);
  });
});
