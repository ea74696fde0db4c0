import type { Rule } from './types.ts';

const quoted = (values: readonly string[]) => values.map((value) => `\`${value}\``).join(', ');
const didYouMean = (suggestion: string | undefined) => (suggestion ? ` Did you mean \`${suggestion}\`?` : '');
/** `characters` added at the end of the default lesson (no line before it moves). */
const withCharacters = (list: string): readonly [string, string] => [
  "reviewDate: '2027-01-01'\n",
  `reviewDate: '2027-01-01'\ncharacters: ${list}\n`,
];

/**
 * Rules of the schema layer: each value's type, each field's presence, and
 * what one lesson's fields say together (`checks/lesson-checks.ts`). In
 * messages, `field` is the name a teacher sees (`cycles item 1 → title`) and
 * `got` a value described in words (`"sixty"`, `a list`).
 */
export const schemaRules = {
  'schema-type': {
    severity: 'error',
    source: 'schema',
    description: 'A value has the wrong type.',
    message: ({ field, expected, got }: { field: string; expected: string; got: string }) =>
      `\`${field}\` must be ${expected}, got ${got}.`,
    fixtures: {
      ok: [{ name: 'minutes as a whole number' }],
      notOk: [
        {
          name: 'minutes in words',
          edit: [['durationInMinutes: 50', 'durationInMinutes: sixty']],
          at: { line: 4, column: 20 },
        },
        {
          name: 'minutes not whole',
          edit: [['durationInMinutes: 50', 'durationInMinutes: 50.5']],
          at: { line: 4, column: 20 },
        },
      ],
    },
  },
  'schema-required': {
    severity: 'error',
    source: 'schema',
    description: 'A required field is missing.',
    message: ({ key, expected }: { key: string; expected: string }) =>
      `Missing required field \`${key}\`: add it (${expected}).`,
    fixtures: {
      ok: [{ name: 'a lesson with every required field' }],
      notOk: [
        { name: 'no title', edit: [['title: Asking for help\n', '']], at: { line: 1, column: 1 } },
        {
          name: 'no cycle title',
          edit: [['  - title: Trusted adults\n    durationInMinutes: 40', '  - durationInMinutes: 40']],
          at: { line: 19, column: 5 },
        },
      ],
    },
  },
  'schema-unknown-key': {
    severity: 'error',
    source: 'schema',
    description: 'A key the format does not know.',
    message: ({
      key,
      within,
      suggestion,
      allowed,
    }: {
      key: string;
      within?: string;
      suggestion?: string;
      allowed: readonly string[];
    }) =>
      `Unknown field \`${key}\`${within ? ` in \`${within}\`` : ''}.${suggestion ? didYouMean(suggestion) : ` Expected one of ${quoted(allowed)}.`}`,
    fixtures: {
      ok: [{ name: 'the keys of the format' }],
      notOk: [
        { name: 'a misspelt key', edit: [['keyStage:', 'keyStag:']], at: { line: 2, column: 1 } },
        {
          name: 'a misspelt nested key',
          edit: [['    explanation: |', '    explaination: |']],
          at: { line: 21, column: 5 },
        },
      ],
    },
  },
  'schema-value': {
    severity: 'error',
    source: 'schema',
    description: 'A value is not one of the allowed values.',
    message: {
      /** A value outside a list of allowed values (an enum). */
      notAllowed: ({
        field,
        allowed,
        got,
        suggestion,
      }: {
        field: string;
        allowed: readonly string[];
        got: string;
        suggestion?: string;
      }) =>
        `\`${field}\` must be ${allowed.length <= 12 ? `one of ${quoted(allowed)}` : 'an allowed value'}, got ${got}.${didYouMean(suggestion)}`,
      /** Any other problem the schema finds, in its own words. */
      other: ({ field, problem }: { field: string; problem: string }) => `\`${field}\`: ${problem}.`,
    },
    fixtures: {
      ok: [
        { name: 'an allowed audience', edit: [['keyStage: key-stage-3', 'audience: pupils\nkeyStage: key-stage-3']] },
      ],
      notOk: [
        {
          name: 'an audience that is not allowed',
          edit: [['keyStage: key-stage-3', 'audience: pupil\nkeyStage: key-stage-3']],
          at: { line: 2, column: 11 },
        },
      ],
    },
  },
  'schema-format': {
    severity: 'error',
    source: 'schema',
    description: 'A value has the wrong format.',
    message: ({ field, expected, got }: { field: string; expected: string; got: string }) =>
      `\`${field}\` must be ${expected}, got ${got}.`,
    fixtures: {
      ok: [{ name: 'a date written YYYY-MM-DD' }],
      notOk: [
        {
          name: 'a date in words',
          edit: [["reviewDate: '2027-01-01'", 'reviewDate: next year']],
          at: { line: 31, column: 13 },
        },
        {
          name: 'an id that is not lower case with hyphens',
          edit: [['title:', 'id: Asking_Help\ntitle:']],
          at: { line: 1, column: 5 },
        },
      ],
    },
  },
  'schema-size': {
    severity: 'error',
    source: 'schema',
    description: 'A value or list is too short or too long.',
    message: {
      tooFewItems: ({ field, minimum }: { field: string; minimum: number }) =>
        `\`${field}\` needs at least ${minimum} item${minimum === 1 ? '' : 's'}.`,
      tooManyItems: ({ field, maximum, count }: { field: string; maximum: number; count: number }) =>
        `\`${field}\` may have at most ${maximum} items; it has ${count}.`,
      empty: ({ field }: { field: string }) => `\`${field}\` must not be empty.`,
      tooLong: ({ field, maximum, length }: { field: string; maximum: number; length: number }) =>
        `\`${field}\` must be at most ${maximum} characters; it has ${length}. Shorten it.`,
      outOfRange: ({
        field,
        bound,
        limit,
        got,
      }: {
        field: string;
        bound: 'at least' | 'at most';
        limit: number;
        got: string;
      }) => `\`${field}\` must be ${bound} ${limit}, got ${got}.`,
    },
    fixtures: {
      ok: [{ name: 'a title of 80 characters', edit: [['title: Asking for help', `title: ${'a'.repeat(80)}`]] }],
      notOk: [
        {
          name: 'a title of 81 characters',
          edit: [['title: Asking for help', `title: ${'a'.repeat(81)}`]],
          at: { line: 1, column: 8 },
        },
        {
          name: 'no key learning points',
          edit: [['keyLearningPoints:\n  - Trusted adults can help.', 'keyLearningPoints: []']],
          at: { line: 6, column: 20 },
        },
        {
          name: 'supervision level 5',
          edit: [['supervisionLevel: 2', 'supervisionLevel: 5']],
          at: { line: 12, column: 19 },
        },
      ],
    },
  },
  'year-group-key-stage': {
    severity: 'error',
    source: 'schema',
    description: 'A year group is outside the key stage.',
    message: ({ year, keyStage, years }: { year: number; keyStage: string; years: readonly number[] }) =>
      `Year ${year} is not in ${keyStage}, which is years ${years.join(', ')}. Change the year or the key stage.`,
    fixtures: {
      ok: [{ name: 'every year of key stage 3', edit: [['yearGroups: [8]', 'yearGroups: [7, 8, 9]']] }],
      notOk: [
        {
          name: 'year 10 in key stage 3',
          edit: [['yearGroups: [8]', 'yearGroups: [8, 10]']],
          at: { line: 3, column: 17 },
        },
      ],
    },
  },
  'timing-over': {
    severity: 'error',
    source: 'schema',
    description: 'The timed parts add up to more than `durationInMinutes`.',
    message: ({ total, length }: { total: number; length: number }) =>
      `The timed parts (baseline, cycles, endpoint) add up to ${total} minutes, more than the ${length}-minute lesson. Shorten a part or lengthen the lesson.`,
    fixtures: {
      ok: [{ name: 'parts that add up to the lesson' }],
      notOk: [
        {
          name: 'parts five minutes over',
          edit: [['durationInMinutes: 40', 'durationInMinutes: 45']],
          at: { line: 4, column: 20 },
        },
      ],
    },
  },
  'timing-under': {
    severity: 'warning',
    source: 'schema',
    description: 'The timed parts add up to less than three quarters of `durationInMinutes`.',
    message: ({ total, length }: { total: number; length: number }) =>
      `The timed parts add up to ${total} minutes, under three quarters of the ${length}-minute lesson. Time every part so the plan can be followed.`,
    fixtures: {
      ok: [{ name: 'parts of 38 of 50 minutes', edit: [['durationInMinutes: 40', 'durationInMinutes: 28']] }],
      notOk: [
        {
          name: 'parts of 20 of 50 minutes',
          edit: [['durationInMinutes: 40', 'durationInMinutes: 10']],
          at: { line: 4, column: 20 },
        },
      ],
    },
  },
  'scenario-name-not-in-characters': {
    severity: 'warning',
    source: 'schema',
    description:
      "A lesson lists its `characters`, and a `:::scenario{name=…}` names someone not in the list. Lessons without `characters` are not checked: their scenarios' names are their characters.",
    message: (name: string) =>
      `The scenario's character \`${name}\` is not in \`characters\`; add them, so renaming a class's characters reaches every part of the lesson.`,
    fixtures: {
      ok: [
        { name: 'a lesson without `characters`: its scenario names are its characters' },
        { name: "`characters` with the scenario's name", edit: [withCharacters('[Priya, Sam]')] },
      ],
      notOk: [
        {
          name: "`characters` without the scenario's name",
          edit: [withCharacters('[Priya]')],
          at: { line: 24, column: 7 },
        },
        {
          name: 'a second scenario whose name is not listed',
          edit: [
            withCharacters('[Sam]'),
            [
              'Sam is worried.\n      :::\n',
              'Sam is worried.\n      :::\n\n      :::scenario{name="Jo"}\n      Jo is worried too.\n      :::\n',
            ],
          ],
          at: { line: 28, column: 7 },
        },
      ],
    },
  },
} satisfies Record<string, Rule>;
