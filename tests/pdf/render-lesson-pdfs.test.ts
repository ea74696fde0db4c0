import { describe, expect, it } from 'vitest';
import * as pdf from '../../src/pdf/index.ts';
import { renderLessonPdfs } from '../../src/pdf/index.ts';
import { exampleLesson, exampleLibrary, pageCount } from './helpers.ts';

describe('renderLessonPdfs', () => {
  it('should export exactly the public API', () => {
    expect(Object.keys(pdf).sort()).toEqual([
      'creationDate',
      'renderLessonPdfs',
      'sharedGlyphCacheStats',
      'sharedLayoutCacheStats',
    ]);
  });

  it("should name a pupil lesson's eight PDFs as design.md says, each a valid PDF", async () => {
    const lesson = exampleLesson('who-can-help');
    const { files, diagnostics } = await renderLessonPdfs(lesson, exampleLibrary());
    expect(files.map((f) => f.name)).toEqual([
      'who-can-help-lesson-plan.pdf',
      'who-can-help-lesson-guide.pdf',
      'who-can-help-handout.pdf',
      'who-can-help-handout-large-print.pdf',
      'who-can-help-slides.pdf',
      'who-can-help-slides-with-notes.pdf',
      'who-can-help-dsl-briefing.pdf',
      'who-can-help-parent-letter.pdf',
    ]);
    for (const file of files) expect(pageCount(file.bytes), file.name).toBeGreaterThan(0);
    expect(diagnostics).toEqual([]);
  });

  it('should make seven PDFs for a staff session, the training record among them', async () => {
    const { files } = await renderLessonPdfs({ ...exampleLesson('who-can-help'), audience: 'staff' }, exampleLibrary());
    expect(files.map((f) => f.name.replace('who-can-help-', ''))).toEqual([
      'lesson-plan.pdf',
      'lesson-guide.pdf',
      'handout.pdf',
      'handout-large-print.pdf',
      'slides.pdf',
      'slides-with-notes.pdf',
      'training-record.pdf',
    ]);
  });

  it('should report a document it cannot make, naming the lesson file and field, and still make the others', async () => {
    const lesson = exampleLesson();
    // Content the model promises never to hold: a cycle whose practice tree is not a tree.
    const broken = {
      ...lesson,
      cycles: [
        { ...lesson.cycles[0], practice: { source: 'x', tree: { type: 'root', children: null } } },
        ...lesson.cycles.slice(1),
      ],
    } as unknown as typeof lesson;
    const { files, diagnostics } = await renderLessonPdfs(broken, exampleLibrary());
    const failed = diagnostics.filter((d) => d.ruleId === 'render-failed' && d.message.includes('could not be made'));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatchObject({ file: lesson.file, severity: 'error', source: 'render' });
    expect(failed[0].message).toContain('cycles[0].practice');
    expect(files.some((f) => f.name.endsWith('-handout.pdf'))).toBe(false);
    expect(files.some((f) => f.name.endsWith('-parent-letter.pdf'))).toBe(true);
    for (const file of files) expect(pageCount(file.bytes), file.name).toBeGreaterThan(0);
  });
});
