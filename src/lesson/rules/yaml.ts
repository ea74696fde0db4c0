import { fixtureLesson, fixtureLessonFile } from './fixture-library.ts';
import type { Rule } from './types.ts';

/** The lesson file replaced by `text`. */
const lessonFile = (text: string | Uint8Array) => ({ [fixtureLessonFile]: text });

/** The default lesson with `count` unknown keys added at its end (`x1: 1`, `x2: 1`, …). */
const unknownKeys = (count: number) =>
  lessonFile(fixtureLesson + Array.from({ length: count }, (_, i) => `x${i + 1}: 1\n`).join(''));

/** Rules of the YAML layer: reading the file and parsing it, before any schema. */
export const yamlRules = {
  'file-unreadable': {
    severity: 'error',
    source: 'yaml',
    description: 'The file could not be read.',
    fixtures: {
      ok: [{ name: 'a folder without .yaml in a unit folder', folders: ['unit-a/notes'] }],
      notOk: [
        {
          name: 'a folder named like a lesson file',
          folders: ['unit-a/drafts.yaml'],
          at: { line: 1, column: 1, file: 'unit-a/drafts.yaml' },
        },
      ],
    },
  },
  'file-too-large': {
    severity: 'error',
    source: 'yaml',
    description: 'The file is over 1 MB.',
    fixtures: {
      ok: [
        {
          name: 'a lesson with a long comment under 1 MB',
          files: () => lessonFile(`${fixtureLesson}# ${'x'.repeat(1000_000)}\n`),
        },
      ],
      notOk: [
        {
          name: 'a lesson with a comment over 1 MB',
          files: () => lessonFile(`${fixtureLesson}# ${'x'.repeat(1024 * 1024)}\n`),
          at: { line: 1, column: 1 },
        },
      ],
    },
  },
  'file-not-utf8': {
    severity: 'error',
    source: 'yaml',
    description: 'The file is not UTF-8 text.',
    fixtures: {
      ok: [{ name: 'UTF-8 letters beyond ASCII', edit: [['title: Asking for help', 'title: Asking for help — café']] }],
      notOk: [
        {
          name: 'a Latin-1 é',
          files: () =>
            lessonFile(
              Buffer.concat([
                Buffer.from('title: Caf'),
                Buffer.from([0xe9]),
                Buffer.from(fixtureLesson.slice('title: Asking for help'.length)),
              ]),
            ),
          at: { line: 1, column: 11 },
        },
      ],
    },
  },
  'file-empty': {
    severity: 'error',
    source: 'yaml',
    description: 'The file has no content.',
    fixtures: {
      ok: [{ name: 'a lesson that starts with a comment', edit: [['title:', '# Written in 2026\ntitle:']] }],
      notOk: [{ name: 'a lesson of comments only', files: lessonFile('# TODO\n\n'), at: { line: 1, column: 1 } }],
    },
  },
  'yaml-syntax': {
    severity: 'error',
    source: 'yaml',
    description: 'The YAML cannot be parsed.',
    fixtures: {
      ok: [{ name: 'a bracket inside quotes', edit: [['title: Asking for help', "title: '[Asking for help'"]] }],
      notOk: [
        {
          name: 'an unclosed bracket',
          edit: [['title: Asking for help', 'title: [Asking for help']],
          // Where the parser finds the bracket unclosed: the next line.
          at: { line: 2, column: 1 },
        },
      ],
    },
  },
  'yaml-tab-indent': {
    severity: 'error',
    source: 'yaml',
    description: 'Tabs are used for indentation.',
    fixtures: {
      ok: [{ name: 'a tab inside a value', edit: [['name two ways', 'name two\tways']] }],
      notOk: [
        {
          name: 'a tab before a list item',
          edit: [['  - Trusted adults can help.', '\t- Trusted adults can help.']],
          at: { line: 7, column: 1 },
        },
      ],
    },
  },
  'yaml-duplicate-key': {
    severity: 'error',
    source: 'yaml',
    description: 'A key appears twice in one mapping.',
    fixtures: {
      ok: [{ name: 'the same key in two mappings (baseline and endpoint)' }],
      notOk: [
        {
          name: 'supervisionLevel twice',
          edit: [['supervisionLevel: 2', 'supervisionLevel: 2\nsupervisionLevel: 3']],
          at: { line: 13, column: 1 },
        },
      ],
    },
  },
  'yaml-alias-limit': {
    severity: 'error',
    source: 'yaml',
    description: 'YAML aliases expand to too much data (an "alias bomb").',
    fixtures: {
      ok: [
        {
          name: 'one alias',
          edit: [['  - Trusted adults can help.', '  - &point Trusted adults can help.\n  - *point']],
        },
      ],
      notOk: [
        {
          name: 'an alias repeated 200 times',
          edit: [['  - Trusted adults can help.', `  - &point Trusted adults can help.${'\n  - *point'.repeat(200)}`]],
          at: { line: 1, column: 1 },
        },
      ],
    },
  },
  'yaml-not-mapping': {
    severity: 'error',
    source: 'yaml',
    description: 'The file is not the expected mapping (or, for signposts, list).',
    fixtures: {
      ok: [{ name: 'a lesson that is a mapping, and signposts.yaml a list' }],
      notOk: [
        {
          name: 'a lesson written as a list',
          files: lessonFile('- title: Asking for help\n- durationInMinutes: 50\n'),
          at: { line: 1, column: 1 },
        },
      ],
    },
  },
  'yaml-too-deep': {
    severity: 'error',
    source: 'yaml',
    description: 'Lists and mappings are nested deeper than the limit (see Limits).',
    fixtures: {
      ok: [{ name: 'lists 20 deep', edit: [['yearGroups: [8]', `yearGroups: ${'['.repeat(20)}8${']'.repeat(20)}`]] }],
      notOk: [
        {
          name: 'lists 30 deep',
          edit: [['yearGroups: [8]', `yearGroups: ${'['.repeat(30)}8${']'.repeat(30)}`]],
          // At the 25th level: 24 brackets after the top mapping's one.
          at: { line: 3, column: 36 },
        },
      ],
    },
  },
  'yaml-too-large': {
    severity: 'error',
    source: 'yaml',
    description: 'A YAML file holds more keys and list items than the limit (see Limits).',
    fixtures: {
      ok: [{ name: 'a list of 4,900 items', files: () => lessonFile(`${fixtureLesson}x: [${'1, '.repeat(4899)}1]\n`) }],
      notOk: [
        {
          name: 'a list of 5,001 items',
          files: () => lessonFile(`${fixtureLesson}x: [${'1, '.repeat(5000)}1]\n`),
          // The lesson holds 32 keys and items before the list: item 4,969 is the 5,001st.
          at: { line: 32, column: 14910 },
        },
      ],
    },
  },
  'diagnostics-truncated': {
    severity: 'warning',
    source: 'yaml',
    description: 'A file has more problems than are reported for one file (see Limits); fix these and check again.',
    fixtures: {
      ok: [{ name: '50 unknown keys, all reported', files: unknownKeys(50) }],
      notOk: [{ name: '51 unknown keys', files: unknownKeys(51), at: { line: 82, column: 1 } }],
    },
  },
  'control-character': {
    severity: 'error',
    source: 'yaml',
    description:
      'A control character (other than tab and new line), such as the vertical tab Word pastes for Shift+Enter, or a character no document can hold (U+FFFE, U+FFFF, half of a surrogate pair).',
    /** `control` names the character (`U+000B (vertical tab, …)`); `where` is "the text" or the value. */
    message: (control: string, where: string) =>
      `Control character ${control} in ${where}, expected printable text. Delete it (use a new line or a space instead).`,
    fixtures: {
      ok: [{ name: 'a tab and new lines', edit: [['Inform the DSL', 'Inform\tthe DSL']] }],
      notOk: [
        {
          name: 'a vertical tab pasted from Word',
          edit: [['title: Asking for help', 'title: Asking\u000bfor help']],
          at: { line: 1, column: 14 },
        },
        {
          name: 'an escape written as "\\e"',
          edit: [['title: Asking for help', 'title: "Asking\\efor help"']],
          at: { line: 1, column: 8 },
        },
      ],
    },
  },
} satisfies Record<string, Rule>;
