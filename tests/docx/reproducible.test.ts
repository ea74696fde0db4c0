import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writesBodiesItself, writesConstantPartsOnce } from '../../src/docx/compile-parts.ts';
import { renderHandoutDocx, renderLessonPlanDocx } from '../../src/docx/index.ts';
import { standardTheme } from '../../src/pdf/theme.ts';
import { png } from '../helpers/png.ts';
import { exampleLesson, exampleLibrary, lessonWithImages } from '../pdf/helpers.ts';
import { docxParts, wordDocumentsOf } from './docx-parts.ts';

const lesson = exampleLesson();
const library = exampleLibrary();
const readImage = () => ({ problem: 'no images here' });

describe('the Word documents are reproducible', () => {
  it('should give the same bytes for the same lesson, run after run', async () => {
    const first = await renderLessonPlanDocx(lesson, library, { readImage });
    // Other documents in between move docx's own counters and random ids on.
    await renderHandoutDocx(lesson, library, { readImage });
    await renderHandoutDocx(exampleLesson('who-can-help'), library, { readImage });
    const again = await renderLessonPlanDocx(lesson, library, { readImage });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    // By now docx's constant parts are written once and reused, and the bodies written by PSHE Kit's own writer
    // (src/docx/compile-parts.ts): the same bytes still.
    const theme = standardTheme(library.school?.accentColour);
    expect(writesConstantPartsOnce(`${theme.name}:${theme.colours.accent}`)).toBe(true);
    expect(writesBodiesItself(`${theme.name}:${theme.colours.accent}`)).toBe(true);
    // Links' relationships are numbered, not random.
    const rels = docxParts(first).get('word/_rels/document.xml.rels')!;
    for (const m of rels.matchAll(/ Id="([^"]+)"/g)) expect(m[1]).toMatch(/^rId\d+$/);
  });

  it('should give the same bytes for a lesson with images, whatever the process rendered before', async () => {
    const { lesson: withImages } = lessonWithImages('![A feed](feed.png)\n\n![The same feed](feed.png)', {
      'feed.png': png(40, 20),
    });
    const first = await wordDocumentsOf(withImages, library);
    await wordDocumentsOf(withImages, library);
    const again = await wordDocumentsOf(withImages, library);
    expect(Buffer.from(again.handout).equals(Buffer.from(first.handout))).toBe(true);
    expect(Buffer.from(again.plan).equals(Buffer.from(first.plan))).toBe(true);
    const ids = [
      ...docxParts(again.handout)
        .get('word/document.xml')!
        .matchAll(/<wp:docPr id="(\d+)"/g),
    ].map((m) => m[1]);
    expect(ids).toEqual(['1', '2']);
  });

  it('should date the file and its zip entries from the date it is given (SOURCE_DATE_EPOCH in a build)', async () => {
    const date = new Date('2027-03-04T05:06:08Z');
    const bytes = await renderHandoutDocx(lesson, library, { readImage, date });
    const core = docxParts(bytes).get('docProps/core.xml')!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-03-04T05:06:08Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2027-03-04T05:06:08Z</dcterms:modified>');
    const names = Object.keys(unzipSync(bytes));
    expect(names).toEqual([...names].sort());
    // Every local header carries 2027-03-04 05:06:08 in MS-DOS form.
    const view = Buffer.from(bytes);
    const day = ((2027 - 1980) << 9) | (3 << 5) | 4;
    let headers = 0;
    for (let at = view.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = view.indexOf('PK\x03\x04', at + 4, 'latin1')) {
      expect(view.readUInt16LE(at + 12)).toBe(day);
      headers++;
    }
    expect(headers).toBe(names.length);
  });
});
