import { describe, expect, it } from 'vitest';
import { exampleLesson, field, flat, pages, pdfsOf } from './helpers.ts';

const base = exampleLesson();
const secret = 'Quietly check on the pupil who lost money last term';
const lesson = {
  ...base,
  cycles: [
    {
      ...base.cycles[0],
      practice: field(
        `:::teacher\n${secret}.\n:::\n\n:::scenario{name="Ava"}\nAva gets a message saying she has won a voucher.\n:::\n\nWrite down two warning signs.\n\n::lines{count=3}`,
      ),
    },
    ...base.cycles.slice(1),
  ],
};
const dslWords = 'Low risk. A pupil may mention money lost to a scam';

describe('staff-only content', () => {
  it('should print a :::teacher note and the DSL notes in the lesson plan', async () => {
    const { byName } = await pdfsOf(lesson);
    const text = flat(pages(byName.get(`${lesson.id}-lesson-plan.pdf`)!).join(' '));
    expect(text).toContain(secret);
    expect(text).toContain('For staff');
    expect(text).toContain(dslWords);
  });

  it('should leave the :::teacher note and the DSL notes out of both handouts and the slides', async () => {
    const { byName } = await pdfsOf(lesson);
    for (const name of ['handout.pdf', 'handout-large-print.pdf', 'slides.pdf']) {
      const text = flat(pages(byName.get(`${lesson.id}-${name}`)!).join(' '));
      expect(text, name).toContain('Ava gets a message saying she has won a voucher.');
      expect(text, name).not.toContain('Quietly check');
      expect(text, name).not.toContain('For staff');
      expect(text, name).not.toContain('Low risk');
    }
  });

  it('should give the trainer the :::teacher note in the slides with notes', async () => {
    const { byName } = await pdfsOf(base);
    const text = flat(pages(byName.get(`${base.id}-slides-with-notes.pdf`)!).join(' '));
    expect(text).toContain('Expect some pupils to say they would never fall for it');
  });

  it('should leave an unknown container directive out of the handout and report it', async () => {
    const typo = {
      ...base,
      cycles: [{ ...base.cycles[0], practice: field(':::teachr\nA mistyped staff note\n:::\n\nWrite two signs.') }],
    };
    const { byName, diagnostics } = await pdfsOf(typo);
    const handout = flat(pages(byName.get(`${base.id}-handout.pdf`)!).join(' '));
    expect(handout).toContain('Write two signs.');
    expect(handout).not.toContain('A mistyped staff note');
    const reported = diagnostics.filter((d) => d.ruleId === 'render-adjusted' && d.message.includes(':::teachr'));
    expect(reported.length).toBeGreaterThan(0);
    expect(reported[0].file).toBe(base.file);
  });
});
