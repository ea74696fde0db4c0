import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Library, Unit } from '../../src/lesson/types.ts';
import { approvalDay, britishDate, lessonFilesVersion, unitApproval } from '../../src/lesson/unit-approval.ts';
import { renderUnitApproval } from '../../src/pdf/documents/unit-approval.ts';
import { flat, pages, poppler } from './helpers.ts';

const library: Library = loadLibrary('lessons', { today: '2026-11-26' }).library;
const lessonsOf = (unit: Unit) => unit.lessons.map((id) => library.lessons.find((lesson) => lesson.id === id)!);
const ks3 = library.units.find((unit) => unit.id === 'online-harms-ks3')!;
const wholeSchool = library.units.find((unit) => unit.id === 'whole-school')!;
/** A day on which Childline (verified 2023-09-07 in signposts.yaml) is overdue a check. */
const TODAY = '2026-11-26';

const render = (unit: Unit, today = TODAY) => renderUnitApproval(unit, lessonsOf(unit), library, today);
const text = (bytes: Uint8Array) => flat(pages(bytes).join(' '));

describe('unit approval model', () => {
  it('should mark a service overdue by the signpost-stale rule: verified over 12 months before the day', () => {
    const childline = library.signposts.find((s) => s.id === 'childline')!;
    const [year, rest] = [Number(childline.verifiedOn.slice(0, 4)), childline.verifiedOn.slice(4)];
    const onTheDay = unitApproval(ks3, lessonsOf(ks3), library, `${year + 1}${rest}`);
    const dayAfter = new Date(Date.parse(`${year + 1}${rest}`) + 86_400_000).toISOString().slice(0, 10);
    const later = unitApproval(ks3, lessonsOf(ks3), library, dayAfter);
    const status = (model: typeof later) =>
      model.lessons.flatMap((l) => l.services).find((s) => s.id === 'childline')?.overdue;
    expect(status(onTheDay)).toBe(false);
    expect(status(later)).toBe(true);
  });

  it('should write dates in British style and version the lesson files', () => {
    expect(britishDate('2027-11-26')).toBe('26 November 2027');
    expect(britishDate('2026-03-01')).toBe('1 March 2026');
    const lessons = lessonsOf(ks3);
    expect(lessonFilesVersion(lessons)).toMatch(/^[0-9a-f]{12}$/);
    const edited = [{ ...lessons[0], yamlSource: `${lessons[0].yamlSource}\n# edited` }, ...lessons.slice(1)];
    expect(lessonFilesVersion(edited)).not.toBe(lessonFilesVersion(lessons));
  });

  it("should take the day from SOURCE_DATE_EPOCH when it is set, else today's date", () => {
    expect(approvalDay({ SOURCE_DATE_EPOCH: '1795651200' })).toBe('2026-11-26');
    expect(approvalDay({})).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe('unit approval PDF', () => {
  it("should list each lesson's title, audience, supervision level in words, content guidance and review date", async () => {
    const words = text(await render(ks3));
    expect(words).toContain(ks3.title);
    for (const lesson of lessonsOf(ks3)) {
      expect(words).toContain(lesson.title.slice(0, 40));
      if (lesson.reviewDate) expect(words).toContain(britishDate(lesson.reviewDate));
    }
    expect(words).toMatch(/Supervision Adult supervision (required|recommended|suggested) \(level \d of 4\)/);
    expect(words).toContain('Content guidance');
    expect(words).toContain('Sex education');
    expect(words).toContain('Pupils (key stage 3');
  });

  it('should mark overdue services and show when each was checked', async () => {
    const words = text(await render(ks3));
    expect(words).toMatch(/Childline 7 September 2023 \(overdue: check before teaching\)/);
    const fresh = text(await render(ks3, '2024-09-01'));
    expect(fresh).toContain('7 September 2023');
    expect(fresh).not.toMatch(/Childline 7 September 2023 \(overdue/);
  });

  it("should have lines for who approved it and when, and the lessons' version", async () => {
    const words = text(await render(wholeSchool));
    expect(words).toContain('Approved by');
    expect(words).toMatch(/Approved by\s+Date/);
    expect(words).toContain(`Library version approved: ${lessonFilesVersion(lessonsOf(wholeSchool))}`);
    expect(words).toContain('Staff, 45 minutes');
    expect(words).toContain('Parents and carers, 45 minutes');
  });

  it('should be tagged, en-GB, with fonts embedded, and the same bytes twice', async () => {
    const bytes = await render(ks3);
    expect(poppler('pdfinfo', bytes)).toMatch(/Tagged:\s+yes/);
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Lang (en-GB)');
    const fonts = poppler('pdffonts', bytes).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5)).toBe('yes');
    expect(Buffer.from(await render(ks3)).equals(Buffer.from(bytes))).toBe(true);
    // The staff help footer on every page.
    for (const page of pages(bytes)) expect(flat(page)).toContain('Worried about a child?');
  });
});
