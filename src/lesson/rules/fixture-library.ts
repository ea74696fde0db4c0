import type { FixtureFiles, RuleFixture } from './types.ts';

/**
 * The library every rule's examples start from: one valid pupil lesson in one
 * unit, and two help services. It checks clean on `fixtureToday`. The tests
 * (tests/lesson/fixture.ts) start from it too.
 */
export const fixtureLesson = `title: Asking for help
keyStage: key-stage-3
yearGroups: [8]
durationInMinutes: 50
learningOutcome: I can name two ways to get help.
keyLearningPoints:
  - Trusted adults can help.
keywords:
  - keyword: DSL
    definition: The member of staff who keeps pupils safe.
contentGuidance: [e/rshe-content]
supervisionLevel: 2
dslNotes: |
  Inform the DSL before the lesson.
baseline:
  activity: List adults you trust.
  durationInMinutes: 5
cycles:
  - title: Trusted adults
    durationInMinutes: 40
    explanation: |
      Talk about trusted adults and :signpost[childline].

      :::scenario{name="Sam"}
      Sam is worried.
      :::
endpoint:
  activity: List adults again.
  durationInMinutes: 5
signposts: [childline]
reviewDate: '2027-01-01'
`;

export const fixtureSignposts = `- id: childline
  name: Childline
  helpsWith: Talk about anything.
  audience: Young people
  ages: under 19
  phone: 0800 1111
  url: https://www.childline.org.uk
  verifiedOn: '2026-06-01'
- id: samaritans
  name: Samaritans
  helpsWith: Talk when things are hard.
  audience: Anyone
  ages: any age
  phone: '116 123'
  verifiedOn: '2026-06-01'
`;

/** Where the default lesson is, relative to the library. */
export const fixtureLessonFile = 'unit-a/asking-for-help.yaml';

/** The date examples are checked on, unless one sets `today`. */
export const fixtureToday = '2026-11-26';

/** `base` with each `[find, replace]` applied once; a `find` that is not there throws, so an example cannot rot. */
export function editText(base: string, edits: RuleFixture['edit'] = []): string {
  let text = base;
  for (const [find, replace] of edits) {
    if (!text.includes(find)) throw new Error(`The example edits ${JSON.stringify(find)}, which is not in the text`);
    text = text.replace(find, () => replace);
  }
  return text;
}

/** Every file of an example's library (`null`: not written), before its folders and links are made. */
export function fixtureFiles(fixture: RuleFixture): FixtureFiles {
  const extra = typeof fixture.files === 'function' ? fixture.files() : (fixture.files ?? {});
  return {
    'signposts.yaml': fixtureSignposts,
    'unit-a/unit.yaml': 'title: Unit A\nlessons: [asking-for-help]\n',
    [fixtureLessonFile]: editText(fixtureLesson, fixture.edit),
    ...extra,
  };
}

/**
 * A PNG's first 24 bytes, all the loader reads of an image (its size, from the
 * header): enough for the file gate's checks. Not a picture a renderer can draw.
 */
export function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(24);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}
