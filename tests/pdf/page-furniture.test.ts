import { describe, expect, it } from 'vitest';
import { exampleLesson, exampleLibrary, field, flat, pages, pdfsOf } from './helpers.ts';

const base = exampleLesson();
// Long enough that each handout runs to several pages.
const long = field(
  Array.from(
    { length: 12 },
    (_, i) => `Task ${i + 1}: write about a message that worried someone.\n\n::lines{count=5}`,
  ).join('\n\n'),
);
const lesson = { ...base, cycles: [{ ...base.cycles[0], practice: long }, ...base.cycles.slice(1)] };

describe('headers and footers', () => {
  it('should put the help footer (DSL and Childline) on every page of a pupil handout', async () => {
    const { byName } = await pdfsOf(lesson);
    for (const name of ['handout.pdf', 'handout-large-print.pdf']) {
      const all = pages(byName.get(`${lesson.id}-${name}`)!);
      expect(all.length, name).toBeGreaterThan(2);
      all.forEach((page, index) => {
        const text = flat(page);
        expect(text, `${name} page ${index + 1}`).toMatch(/Need help\?/);
        expect(text, `${name} page ${index + 1}`).toContain('Designated Safeguarding Lead');
        expect(text, `${name} page ${index + 1}`).toContain('Childline: call 0800 1111');
      });
    }
  });

  it('should put the title and "Page x of y" at the top of every page', async () => {
    const { byName } = await pdfsOf(lesson);
    const all = pages(byName.get(`${lesson.id}-handout.pdf`)!);
    all.forEach((page, index) => {
      const firstLine = page.split('\n').find((line) => line.trim())!;
      expect(firstLine).toContain('Spotting online scams');
      expect(firstLine).toContain(`Page ${index + 1} of ${all.length}`);
    });
  });

  it('should give staff and parent handouts the DSL and the NSPCC Helpline instead of Childline', async () => {
    const staff = { ...base, title: 'A staff briefing', audience: 'staff' as const };
    const { byName } = await pdfsOf(staff);
    for (const page of pages(byName.get(`${base.id}-handout.pdf`)!)) {
      const text = flat(page);
      expect(text).toContain('Worried about a child?');
      const footer = text.slice(text.lastIndexOf('Worried about a child?'));
      expect(footer).toContain('NSPCC Helpline: call 0808 800 5000');
      expect(footer).not.toContain('Childline');
    }
  });

  it("should name the school's DSL and how to reach them when there is a school profile", async () => {
    const library = {
      ...exampleLibrary(),
      school: { name: 'Fernhill Example Academy', dslName: 'Ms Adaeze Okafor', dslContact: 'Room S4, any break time' },
    };
    const { byName } = await pdfsOf(base, library);
    for (const page of pages(byName.get(`${base.id}-handout.pdf`)!)) {
      expect(flat(page)).toContain('Ms Adaeze Okafor, the Designated Safeguarding Lead: Room S4, any break time');
    }
  });
});
