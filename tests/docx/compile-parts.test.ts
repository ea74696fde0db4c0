import { BaseXmlComponent, Document, ImageRun, Paragraph, TextRun, type IXmlableObject } from 'docx';
import { describe, expect, it } from 'vitest';
import {
  compile,
  compileParts,
  writesBodiesItself,
  writesConstantPartsOnce,
  type Parts,
} from '../../src/docx/compile-parts.ts';
import { normaliseDocx } from '../../src/docx/index.ts';
import { numbering } from '../../src/docx/styles.ts';
import { png } from '../helpers/png.ts';

/*
 * compileParts relies on docx's insides only once it has checked them on the
 * finished bytes: these tests make its checks meet what they must not let
 * through (a body it cannot write, a writer that fails).
 */

const date = new Date('2027-01-01T00:00:00Z');
const same = (full: Parts, assembled: Parts) =>
  Buffer.from(normaliseDocx(full, date)).equals(Buffer.from(normaliseDocx(assembled, date)));

/** A component that fails when it is written, as a docx whose insides had changed might. */
class Failing extends BaseXmlComponent {
  constructor() {
    super('w:p');
  }
  prepForXml(): IXmlableObject {
    throw new Error('cannot write this');
  }
}

type Body = 'words' | 'image' | 'failing';

/** A document of one kind of body, with a list (so numbering is written). */
function document(body: Body): Document {
  const children: Paragraph[] = [
    new Paragraph({ children: [new TextRun('A list:')] }),
    new Paragraph({ text: 'one', numbering: { reference: 'bullets', level: 0 } }),
  ];
  if (body === 'image')
    children.push(
      new Paragraph({
        children: [new ImageRun({ type: 'png', data: png(4, 4), transformation: { width: 4, height: 4 } })],
      }),
    );
  if (body === 'failing') children.push(new Failing() as unknown as Paragraph);
  return new Document({ numbering: numbering(), sections: [{ children }] });
}

/** compileParts over documents whose `make` gives, call by call, the bodies listed (then words). */
function maker(bodies: Body[]) {
  let call = 0;
  return () => document(bodies[call++] ?? 'words');
}

const docxAlone = async (body: Body) => normaliseDocx(await compile(document(body)), date);

describe("the Word documents' checks before relying on docx's insides", () => {
  it('should write bodies itself only after a document it wrote came out as docx writes it', async () => {
    const key = 'test:plain';
    const make = maker([]);
    for (let i = 0; i < 4; i++) {
      const parts = await compileParts(make, key, same);
      expect(Buffer.from(normaliseDocx(parts, date)).equals(Buffer.from(await docxAlone('words')))).toBe(true);
    }
    expect(writesConstantPartsOnce(key)).toBe(true);
    expect(writesBodiesItself(key)).toBe(true);
  });

  it('should not take a document with images, which it leaves to docx, as the check of its bodies', async () => {
    const key = 'test:image-first';
    // Calls: 1 (first, in full), 2–3 (second: in full, and without constant parts), 4 (third, by docx) and
    // 5 (the same by compileBody: an image here, so no check), 6–7 (fourth: docx, then compileBody).
    const make = maker(['words', 'words', 'words', 'words', 'image']);
    await compileParts(make, key, same);
    await compileParts(make, key, same);
    await compileParts(make, key, same);
    expect(writesConstantPartsOnce(key)).toBe(true);
    expect(writesBodiesItself(key)).toBe(false);
    await compileParts(make, key, same);
    expect(writesBodiesItself(key)).toBe(true);
    // A document with images later is still written, by docx, with its image.
    const withImage = await compileParts(() => document('image'), key, same);
    expect(Buffer.from(normaliseDocx(withImage, date)).equals(Buffer.from(await docxAlone('image')))).toBe(true);
    expect([...withImage.keys()].some((name) => name.startsWith('word/media/'))).toBe(true);
  });

  it('should leave bodies to docx for good when writing one fails, and still give the document', async () => {
    const key = 'test:failing';
    // Call 5 is compileBody's check of the third document: it fails there, and only there.
    const make = maker(['words', 'words', 'words', 'words', 'failing']);
    for (let i = 0; i < 5; i++) {
      const parts = await compileParts(make, key, same);
      expect(Buffer.from(normaliseDocx(parts, date)).equals(Buffer.from(await docxAlone('words')))).toBe(true);
    }
    expect(writesConstantPartsOnce(key)).toBe(true);
    expect(writesBodiesItself(key)).toBe(false);
  });
});
