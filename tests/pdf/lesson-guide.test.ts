import { describe, expect, it } from 'vitest';
import { lessonGuide, needsDslAgreement } from '../../src/lesson/lesson-guide.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { timedParts } from '../../src/lesson/timed-parts.ts';
import type { Lesson, Library } from '../../src/lesson/types.ts';
import { lessonFileName } from '../../src/outputs.ts';
import { newRun } from '../../src/pdf/context.ts';
import { renderHandout } from '../../src/pdf/documents/handout.ts';
import { pdfPageCount, renderLessonGuide } from '../../src/pdf/documents/lesson-guide.ts';
import { disclosureTemplate } from '../../src/pdf/templates.ts';
import { exampleLesson, field, flat, pageCount, pages, pdfsOf, poppler } from './helpers.ts';

const shipped = loadLibrary('lessons', { today: '2026-11-26' }).library;

async function guideOf(lesson: Lesson, library: Library) {
  const handoutPages = pdfPageCount(await renderHandout(newRun(lesson, library)));
  const run = newRun(lesson, library);
  const started = performance.now();
  const bytes = await renderLessonGuide(run, { handoutPages });
  return { bytes, handoutPages: handoutPages!, diagnostics: run.diagnostics, ms: performance.now() - started };
}

describe('the lesson on one page', () => {
  it.each(shipped.lessons.map((lesson) => [lesson.id, lesson] as const))(
    'should be exactly one page for %s, with its outcome, timings and the DSL',
    async (_id, lesson) => {
      const { bytes, handoutPages, diagnostics } = await guideOf(lesson, shipped);
      expect(pageCount(bytes)).toBe(1);
      expect(diagnostics).toEqual([]);
      const text = flat(pages(bytes)[0]);
      expect(text).toContain('The lesson on one page');
      expect(text).toContain(flat(lesson.learningOutcome));
      for (const part of timedParts(lesson)) expect(text).toContain(`${part.start}–${part.end}`);
      for (const part of timedParts(lesson)) expect(text).toContain(`${part.minutes} min`);
      expect(text).toContain(`Total: ${lesson.durationInMinutes} minutes`);
      expect(text).toContain('Designated Safeguarding Lead');
      expect(text).toContain('Do not promise to keep it secret');
      expect(text).toContain(`${handoutPages * 30} sheets`);
      if (lesson.sexEducation) expect(text).toContain('Check who is withdrawn from sex education');
      if (needsDslAgreement(lesson)) expect(text).toContain('Not for short notice');
      if (lesson.audience === 'pupils') expect(text).toContain(`${lesson.id}-parent-letter.pdf`);
      const info = poppler('pdfinfo', bytes);
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      expect(poppler('pdffonts', bytes)).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+/);
    },
  );

  it('should be in every lesson’s PDFs, with the sheets counted from the handout of the same run', async () => {
    const lesson = exampleLesson();
    const { byName } = await pdfsOf(lesson);
    const guide = byName.get(`${lesson.id}-lesson-guide.pdf`)!;
    expect(pageCount(guide)).toBe(1);
    const sheets = pageCount(byName.get(`${lesson.id}-handout.pdf`)!) * 30;
    expect(flat(pages(guide)[0])).toContain(`${sheets} sheets for a class of 30`);
    expect([...byName.keys()].indexOf(`${lesson.id}-lesson-guide.pdf`)).toBe(1);
    const plan = flat(pages(byName.get(`${lesson.id}-lesson-plan.pdf`)!)[0]);
    expect(plan).toContain(`Short of time? The lesson on one page (${lesson.id}-lesson-guide.pdf)`);
  });

  it('should be reproducible', async () => {
    const lesson = shipped.lessons[0];
    const a = await renderLessonGuide(newRun(lesson, shipped), { handoutPages: 3 });
    const b = await renderLessonGuide(newRun(lesson, shipped), { handoutPages: 3 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('should stay on one page with the longest fields the schema allows, cutting the longest one with a warning', async () => {
    const base = shipped.lessons.find((l) => l.id === 'images-pressure-and-blackmail')!;
    const sentence =
      'Pupils explain, in their own words and with an example from the lesson, why pressure, secrecy and threats are warning signs that an adult must hear about.';
    const long = (n: number) => Array.from({ length: n }, () => sentence).join(' ');
    const lesson: Lesson = {
      ...base,
      learningOutcome: `I can ${long(2)}`,
      keyLearningPoints: Array.from({ length: 6 }, () => long(4)),
      safeLearning: { ...base.safeLearning, questionBox: true, timeOut: field(long(5)) },
    };
    const { bytes, diagnostics, ms } = await guideOf(lesson, shipped);
    expect(pageCount(bytes)).toBe(1);
    const warnings = diagnostics.filter((d) => d.ruleId === 'render-adjusted');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('`keyLearningPoints`');
    expect(flat(pages(bytes)[0])).toContain('… (see the lesson plan)');
    expect(ms).toBeLessThan(5000);
  });

  it('should name a help service in the time-out plan, not print its id', () => {
    const base = shipped.lessons[0];
    const lesson = {
      ...base,
      safeLearning: {
        ...base.safeLearning,
        timeOut: field('A pupil may go to the library. Remind them of :signpost[samaritans].'),
      },
    } as Lesson;
    const guide = lessonGuide(lesson, shipped, {
      disclosure: disclosureTemplate(),
      fileName: (id) => lessonFileName(lesson, id),
    });
    const text = guide.before.find((task) => task.field === 'safeLearning.timeOut')?.text;
    expect(text).toBe('A pupil may go to the library. Remind them of Samaritans.');
  });

  it('should say the same on the web page as on paper (one data function)', () => {
    const lesson = shipped.lessons.find((l) => l.sexEducation)!;
    const guide = lessonGuide(lesson, shipped, {
      disclosure: disclosureTemplate(),
      fileName: (id) => lessonFileName(lesson, id),
    });
    expect(guide.heading).toBe('The lesson on one page');
    expect(guide.needsAgreement).toBe(true);
    expect(guide.before.map((task) => task.label)).toContain('Withdrawal:');
    expect(guide.timing.rows.reduce((sum, row) => sum + row.minutes, 0)).toBe(lesson.durationInMinutes);
    expect(guide.disclosure.steps).toHaveLength(3);
    expect(guide.disclosure.steps[2]).toMatch(/DSL/);
  });
});
