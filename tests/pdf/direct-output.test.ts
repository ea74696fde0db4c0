import { afterEach, describe, expect, it } from 'vitest';
import { directOutputPatched, setDirectOutput } from '../../src/pdf/direct-output.ts';
import { renderLessonPdfs } from '../../src/pdf/index.ts';
import { exampleLesson, exampleLibrary } from './helpers.ts';

afterEach(() => setDirectOutput(true));

describe("direct output (pdfkit's strings turned into bytes once)", () => {
  it('should write every PDF of a lesson byte for byte as pdfkit does', async () => {
    const library = exampleLibrary();
    for (const id of ['who-can-help', 'spotting-online-scams']) {
      const lesson = exampleLesson(id);
      const direct = await renderLessonPdfs(lesson, library);
      expect(directOutputPatched(), 'the patch was not applied: has pdfkit changed?').toBe(true);
      setDirectOutput(false);
      const usual = await renderLessonPdfs(lesson, library);
      setDirectOutput(true);
      expect(direct.files.map((file) => file.name)).toEqual(usual.files.map((file) => file.name));
      expect(direct.files.length).toBeGreaterThanOrEqual(5);
      direct.files.forEach((file, index) => {
        expect(Buffer.from(file.bytes).equals(Buffer.from(usual.files[index].bytes)), file.name).toBe(true);
      });
    }
  });
});
