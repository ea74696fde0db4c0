import { describe, expect, it } from 'vitest';
import type { Lesson, Library } from '../../src/lesson/types.ts';
import { lessonReadme } from '../../src/pack/lesson-readme.ts';
import { exampleLesson, exampleLibrary, flat, pages, pdfsOf } from './helpers.ts';

/**
 * A help service's description has two wordings (signposts.yaml): `helpsWith`
 * for pupils and `helpsWithAdults` for parents, carers and staff. Papers for
 * adults print the adults' words; papers for pupils print the pupils' words.
 * The words below are made up for the test (no hyphens, so a line break in the
 * PDF cannot split a word that pdftotext then rejoins differently).
 */
const pupilsWords = 'You can talk to someone kind about anything at all, day or night.';
const adultsWords = 'Children and young people can talk to a trained counsellor about any worry.';

function library(): Library {
  const base = exampleLibrary();
  return {
    ...base,
    signposts: base.signposts.map((service) =>
      service.id === 'childline' ? { ...service, helpsWith: pupilsWords, helpsWithAdults: adultsWords } : service,
    ),
  };
}

const lib = library();
const pupilsLesson = exampleLesson();
const textOf = async (lesson: Lesson, suffix: string) => {
  const { byName } = await pdfsOf(lesson, lib);
  const bytes = byName.get(`${lesson.id}-${suffix}`);
  if (!bytes) throw new Error(`no ${suffix} for ${lesson.id}: ${[...byName.keys()].join(', ')}`);
  return flat(pages(bytes).join(' '));
};

describe("help services in the adults' words on adults' papers", () => {
  it('the example lesson names Childline (the service the test rewords)', () => {
    expect(pupilsLesson.audience).toBe('pupils');
    expect(pupilsLesson.signposts).toContain('childline');
  });

  it("the letter home prints the adults' words, never the pupils'", async () => {
    const text = await textOf(pupilsLesson, 'parent-letter.pdf');
    expect(text).toContain(adultsWords);
    expect(text).not.toContain(pupilsWords);
  });

  it("the pupils' handout prints the pupils' words, never the adults'", async () => {
    const text = await textOf(pupilsLesson, 'handout.pdf');
    expect(text).toContain(pupilsWords);
    expect(text).not.toContain(adultsWords);
  });

  it("the lesson plan's box headed 'What pupils are told' quotes the pupils' words", async () => {
    const text = await textOf(pupilsLesson, 'lesson-plan.pdf');
    expect(text).toContain('What pupils are told');
    expect(text).toContain(pupilsWords);
  });

  it("a parents' session: the invitation letter and the handout print the adults' words", async () => {
    const session: Lesson = { ...pupilsLesson, id: 'parents-session-test', audience: 'parents' };
    for (const suffix of ['invitation-letter.pdf', 'handout.pdf']) {
      const text = await textOf(session, suffix);
      expect(text, suffix).toContain(adultsWords);
      expect(text, suffix).not.toContain(pupilsWords);
    }
  });

  it("a staff session's handout prints the adults' words", async () => {
    const session: Lesson = { ...pupilsLesson, id: 'staff-session-test', audience: 'staff' };
    const text = await textOf(session, 'handout.pdf');
    expect(text).toContain(adultsWords);
    expect(text).not.toContain(pupilsWords);
  });

  it("the pack's README, read by staff, gives the adults' words", () => {
    const readme = lessonReadme(pupilsLesson, lib, []);
    expect(readme).toContain(adultsWords);
    expect(readme).not.toContain(pupilsWords);
  });

  it("a service with no adults' words prints its one description to adults too", async () => {
    const base = exampleLibrary();
    const onlyPupils: Library = {
      ...base,
      signposts: base.signposts.map((service) =>
        service.id === 'childline' ? { ...service, helpsWith: pupilsWords, helpsWithAdults: undefined } : service,
      ),
    };
    const { byName } = await pdfsOf(pupilsLesson, onlyPupils);
    const letter = flat(pages(byName.get(`${pupilsLesson.id}-parent-letter.pdf`)!).join(' '));
    expect(letter).toContain(pupilsWords);
  });
});
