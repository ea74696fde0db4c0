import type { Paragraph } from 'docx';
import { BaseXmlComponent, Document, Packer, type IXmlableObject } from 'docx';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { compile, compileBody } from '../../src/docx/compile-parts.ts';
import { documentMaker } from '../../src/docx/render-docx.ts';
import { handoutOutline } from '../../src/documents/handout.ts';
import { lessonPlanOutline } from '../../src/documents/lesson-plan.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { lessonImageScope, readLibraryImage } from '../../src/library-file.ts';
import { png } from '../helpers/png.ts';
import { exampleLesson, exampleLibrary, field, lessonWithImages } from '../pdf/helpers.ts';

/*
 * src/docx/write-xml.ts writes a document's body in place of docx's own
 * writer (src/docx/compile-parts.ts, compileBody). These tests hold it to
 * docx's output, byte for byte: on every shipped lesson's two documents, and
 * on every shape of object docx's writer takes, quirks included.
 */

/** A component that prepares the object it is given, for docx's writer and ours to write. */
class Shape extends BaseXmlComponent {
  private readonly shape: IXmlableObject;
  constructor(shape: object) {
    super('shape');
    this.shape = shape as IXmlableObject;
  }
  prepForXml(): IXmlableObject {
    return this.shape;
  }
}

const withShapes = (shapes: object[]) => () =>
  new Document({ sections: [{ children: shapes.map((shape) => new Shape(shape) as unknown as Paragraph) }] });

/** Links' relationship ids are random in docx, and the dates the time of the run (normaliseDocx sets both). */
const blank = (data: string | Uint8Array | undefined) =>
  typeof data === 'string'
    ? data.replace(/rId[A-Za-z0-9_-]{21}/g, 'rId?').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'date')
    : data;

/** Every part of the document as docx writes it, and as compileBody writes it. */
async function bothWays(make: () => Document) {
  const docx = await compile(make());
  const ours = compileBody(make());
  return { docx, ours };
}

describe("the Word documents' body, written without docx's writer", () => {
  it("should give every part of every shipped lesson's handout and plan exactly as docx writes it", async () => {
    const { library } = loadLibrary('lessons', { today: '2026-12-01' });
    expect(library.lessons.length).toBeGreaterThan(5);
    for (const lesson of library.lessons) {
      const readImage = (url: string) => {
        const read = readLibraryImage(lessonImageScope(path.dirname(lesson.file)), url);
        return { image: read.image, problem: read.problem?.reason };
      };
      for (const outline of [handoutOutline(lesson, library), lessonPlanOutline(lesson, library)]) {
        const { docx, ours } = await bothWays(documentMaker(lesson, library, outline, { readImage }));
        const what = `${lesson.id}: ${outline.kind}`;
        expect(ours, what).toBeDefined();
        expect([...ours!.keys()], what).toEqual([...docx.keys()]);
        for (const [name, data] of docx) expect(blank(ours!.get(name)!), `${what}, ${name}`).toEqual(blank(data));
        expect(ours!.get('word/document.xml')!.length, what).toBeGreaterThan(5000);
      }
    }
  }, 120_000);

  it('should write the numbering of lists that start where they like, kept by the lists a document defines', async () => {
    const base = exampleLesson();
    const library = exampleLibrary();
    const lists = [
      '3. Third\n4. Fourth\n\n   1. nested\n   2. again\n\nText\n\n7. Seventh',
      '1. One\n2. Two\n\n- a bullet\n  - deeper',
      '3. Third again\n\n9. Ninth',
    ];
    // Each in turn and then again: the second time, the definitions come from what was kept.
    for (const markdown of [...lists, ...lists]) {
      const lesson = { ...base, cycles: [{ ...base.cycles[0], practice: field(markdown) }] };
      for (const outline of [handoutOutline(lesson, library), lessonPlanOutline(lesson, library)]) {
        const { docx, ours } = await bothWays(documentMaker(lesson, library, outline, {}));
        expect(ours!.get('word/numbering.xml'), markdown).toBe(docx.get('word/numbering.xml'));
        expect(blank(ours!.get('word/document.xml')), markdown).toBe(blank(docx.get('word/document.xml')));
      }
    }
    const { ours } = await bothWays(
      documentMaker(
        base,
        library,
        handoutOutline({ ...base, cycles: [{ ...base.cycles[0], practice: field(lists[0]) }] }, library),
        {},
      ),
    );
    expect(ours!.get('word/numbering.xml')).toMatch(/<w:start w:val="3"\/>[\s\S]*<w:start w:val="7"\/>/);
  });

  it('should write every shape of object as docx does, quirks and all', async () => {
    const shapes: object[] = [
      { 'w:empty': {} },
      { 'w:null': null },
      { 'w:undefined': undefined },
      { 'w:number': 12 },
      { 'w:bool': false },
      { 'w:text': 'Jay\'s "friend" <Sam> & co.\u0001\u0008\u000b\u001f tab\there' },
      { 'w:attrs': { _attr: { 'w:val': 'a<b>&"\'', 'w:n': 3, 'w:t': true, 'w:u': undefined } } },
      { 'w:arrayEmpty': [] },
      { 'w:arrayAttrOnly': [{ _attr: { 'w:val': 1 } }] },
      { 'w:twoAttrs': [{ _attr: { a: 1 } }, { b: 2 }, { _attr: { c: 3 } }] },
      { 'w:mixed': [{ 'w:a': {} }, 'text after an element replaces it', { 'w:b': {} }] },
      { 'w:strings': ['one', 'two', 3] },
      { 'w:stringFirst': ['first', { 'w:a': {} }, { 'w:b': [] }] },
      { 'w:cdata': { _cdata: 'x ]]> y' } },
      { 'w:cdataAttr': { _attr: { k: 'v' }, _cdata: 'c' } },
      { 'w:cdataEmpty': { _cdata: '' } },
      { 'w:nested': [{ 'w:deep': [{ 'w:deeper': [{ _attr: { d: 'é中🙂' } }, 'ü'] }] }] },
      { 'w:firstKeyOnly': { _attr: { x: 1 } }, ignored: 'second key' },
      { 'w:attrFirstKey': [{ _attr: { y: 1 }, other: 2 }] },
      { 'w:undefinedChild': [undefined, { 'w:a': {} }] },
      { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, ''] },
      {},
    ];
    for (const shape of shapes) {
      const { docx, ours } = await bothWays(withShapes([shape]));
      expect(ours!.get('word/document.xml'), JSON.stringify(shape)).toBe(docx.get('word/document.xml'));
    }
    // All at once, and the writer's escaping seen for itself.
    const { docx, ours } = await bothWays(withShapes(shapes));
    expect(ours!.get('word/document.xml')).toBe(docx.get('word/document.xml'));
    expect(ours!.get('word/document.xml')).toContain(
      '<w:text>Jay&apos;s &quot;friend&quot; &lt;Sam&gt; &amp; co. tab\there</w:text>',
    );
  });

  it("should leave a body with images to docx, which finds them in the body's XML", () => {
    const { lesson, dir } = lessonWithImages('![A feed](feed.png)', { 'feed.png': png(40, 20) });
    const base = exampleLesson();
    const library = exampleLibrary();
    const make = documentMaker(lesson, library, handoutOutline(lesson, library), {
      readImage: (url) => ({ image: readLibraryImage(lessonImageScope(dir), url).image }),
    });
    expect(compileBody(make())).toBeUndefined();
    expect(compileBody(documentMaker(base, library, handoutOutline(base, library), {})())).toBeDefined();
  });

  it("should still reach docx's compiler where it expects to", () => {
    const compiler = (Packer as unknown as { compiler?: Record<string, unknown> }).compiler;
    expect(typeof compiler?.compile).toBe('function');
    expect(typeof (compiler?.formatter as { format?: unknown })?.format).toBe('function');
    expect(typeof (compiler?.numberingReplacer as { replace?: unknown })?.replace).toBe('function');
  });
});
