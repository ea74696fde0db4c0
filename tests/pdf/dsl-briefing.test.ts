import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { exampleLesson, exampleLibrary, field, flat, pageCount, pages, pdfsOf } from './helpers.ts';

describe('DSL briefing', () => {
  it('should fit on one page with content guidance, who may be affected, disclosure steps, contacts and sign-off lines', async () => {
    const lesson = exampleLesson();
    const { byName } = await pdfsOf(lesson);
    const bytes = byName.get(`${lesson.id}-dsl-briefing.pdf`)!;
    expect(pageCount(bytes)).toBe(1);
    const text = flat(pages(bytes)[0]);
    expect(text).toContain('Content guidance');
    expect(text).toContain('Adult supervision suggested (level 1 of 4)');
    expect(text).toContain('Who may be affected');
    expect(text).toContain('Low risk. A pupil may mention money lost to a scam');
    expect(text).toContain('What staff will do if a pupil tells them something');
    expect(text).toContain('Never view, copy, print, share or save an image');
    expect(text).toContain('NSPCC Helpline: call 0808 800 5000');
    expect(text).toMatch(/Approved for teaching by\s.*Date/);
  });

  it("should stay on one page with 450 words of DSL notes and the school's contacts", async () => {
    const { library: school } = loadLibrary('examples/library', {
      school: 'templates/school.example.yaml',
      today: '2026-11-26',
    });
    const sentence = 'Ask the DSL which pupils may be affected and agree who will check in with them after the lesson.';
    const notes = [
      '**Before the lesson**',
      ...Array.from({ length: 10 }, () => `- ${sentence} ${sentence}`),
      '**If a pupil discloses**',
      ...Array.from({ length: 5 }, () => `- ${sentence}`),
    ].join('\n');
    const lesson = {
      ...exampleLesson(),
      dslNotes: field(notes),
      signposts: ['childline', 'shout', 'samaritans', 'papyrus'],
    };
    const { byName } = await pdfsOf(lesson, school);
    const bytes = byName.get(`${lesson.id}-dsl-briefing.pdf`)!;
    expect(pageCount(bytes)).toBe(1);
    const text = flat(pages(bytes)[0]);
    expect(text).toContain('Ms Adaeze Okafor');
    expect(text).toContain('Fernhill Early Help Hub');
    expect(text).toMatch(/Approved for teaching by\s.*Date/);
  });

  it('should not be made for staff or parent sessions', async () => {
    const { byName } = await pdfsOf({ ...exampleLesson('who-can-help'), audience: 'parents' }, exampleLibrary());
    expect([...byName.keys()].some((name) => name.endsWith('dsl-briefing.pdf'))).toBe(false);
  });
});
