import { afterEach, describe, expect, it } from 'vitest';
import { renderLessonPdfs } from '../../src/pdf/index.ts';
import { exampleLesson, exampleLibrary, poppler } from './helpers.ts';

describe('reproducible PDFs', () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it('should give the same bytes when the same lesson is rendered twice', async () => {
    delete process.env.SOURCE_DATE_EPOCH;
    const first = await renderLessonPdfs(exampleLesson(), exampleLibrary());
    const second = await renderLessonPdfs(exampleLesson(), exampleLibrary());
    expect(first.files.map((f) => f.name)).toEqual(second.files.map((f) => f.name));
    first.files.forEach((file, index) => {
      expect(Buffer.from(file.bytes).equals(Buffer.from(second.files[index].bytes)), file.name).toBe(true);
    });
  });

  it('should date every PDF 2026-01-01 unless SOURCE_DATE_EPOCH says otherwise', async () => {
    delete process.env.SOURCE_DATE_EPOCH;
    const fixed = await renderLessonPdfs(exampleLesson('who-can-help'), exampleLibrary());
    const info = poppler('pdfinfo', fixed.files[0].bytes, ['-isodates']);
    expect(info).toMatch(/CreationDate:\s+2026-01-01T00:00:00/);
    expect(info).toMatch(/ModDate:\s+2026-01-01T00:00:00/);

    process.env.SOURCE_DATE_EPOCH = '1790000000';
    const dated = await renderLessonPdfs(exampleLesson('who-can-help'), exampleLibrary());
    expect(poppler('pdfinfo', dated.files[0].bytes, ['-isodates'])).toMatch(/CreationDate:\s+2026-09-21T/);
  });
});
