import { fixtureLesson, fixtureSignposts, pngHeader } from './fixture-library.ts';
import type { Rule } from './types.ts';

const say = (markdown: string) => ['Sam is worried.', markdown] as const;
const unitB = (lessons: string) => `title: Unit B\nlessons: [${lessons}]\n`;

/** Rules across a library's files: ids, units, help services and the files lessons name. */
export const libraryRules = {
  'signpost-unknown': {
    severity: 'error',
    source: 'library',
    description: 'A signpost id is not in signposts.yaml.',
    message: ({ id, suggestion }: { id: string; suggestion?: string }) =>
      `Unknown help service \`${id}\`. ${suggestion ? `Did you mean \`${suggestion}\`?` : 'Add it to signposts.yaml, or use one of its ids.'}`,
    fixtures: {
      ok: [
        { name: 'ids from signposts.yaml', edit: [['signposts: [childline]', 'signposts: [childline, samaritans]']] },
      ],
      notOk: [
        {
          name: 'a misspelt id',
          edit: [['signposts: [childline]', 'signposts: [childlin]']],
          at: { line: 30, column: 13 },
        },
        {
          name: 'a misspelt inline signpost',
          edit: [[':signpost[childline]', ':signpost[samaritan]']],
          at: { line: 22, column: 37 },
        },
      ],
    },
  },
  'signpost-duplicate-id': {
    severity: 'error',
    source: 'library',
    description: 'Two help services share an id.',
    fixtures: {
      ok: [{ name: 'two services, two ids' }],
      notOk: [
        {
          name: 'samaritans under the id childline',
          files: { 'signposts.yaml': fixtureSignposts.replace('- id: samaritans', '- id: childline') },
          at: { line: 9, column: 7, file: 'signposts.yaml' },
        },
      ],
    },
  },
  'lesson-duplicate-id': {
    severity: 'error',
    source: 'library',
    description: 'Two lessons share an id.',
    message: ({ id, first }: { id: string; first: string }) =>
      `Duplicate lesson id \`${id}\`: ${first} has it already. Lesson ids must be unique across the library; rename one.`,
    fixtures: {
      ok: [
        {
          name: 'lessons of other ids in two units',
          files: { 'unit-b/unit.yaml': unitB('copy'), 'unit-b/copy.yaml': fixtureLesson },
        },
      ],
      notOk: [
        {
          name: 'a lesson in another unit with the same id',
          files: {
            'unit-b/unit.yaml': unitB('asking-for-help'),
            'unit-b/copy.yaml': `id: asking-for-help\n${fixtureLesson}`,
          },
          at: { line: 1, column: 5, file: 'unit-b/copy.yaml' },
        },
      ],
    },
  },
  'lesson-id-reserved': {
    severity: 'error',
    source: 'library',
    description: 'The lesson id `units` is reserved.',
    fixtures: {
      ok: [
        {
          name: 'the id units-1',
          edit: [['title:', 'id: units-1\ntitle:']],
          files: { 'unit-a/unit.yaml': 'title: Unit A\nlessons: [units-1]\n' },
        },
      ],
      notOk: [
        {
          name: 'the id units',
          edit: [['title:', 'id: units\ntitle:']],
          files: { 'unit-a/unit.yaml': 'title: Unit A\nlessons: [units]\n' },
          at: { line: 1, column: 5 },
        },
      ],
    },
  },
  'lesson-id-invalid': {
    severity: 'error',
    source: 'library',
    description: 'A lesson file name is not a valid id.',
    fixtures: {
      ok: [{ name: 'a file name in lower case with hyphens', files: { 'unit-a/asking-again.yaml': fixtureLesson } }],
      notOk: [
        {
          name: 'a file name with capitals and an underscore',
          files: { 'unit-a/Asking_Again.yaml': fixtureLesson },
          at: { line: 1, column: 1, file: 'unit-a/Asking_Again.yaml' },
        },
      ],
    },
  },
  'unit-missing-lesson': {
    severity: 'error',
    source: 'library',
    description: "A unit's `lessons` names a lesson that does not exist in its folder.",
    message: ({ id, suggestion }: { id: string; suggestion?: string }) =>
      `The unit lists \`${id}\`, but no lesson in this folder has that id. ${suggestion ? `Did you mean \`${suggestion}\`?` : 'Fix the id or add the lesson file.'}`,
    fixtures: {
      ok: [{ name: 'a unit listing its lesson' }],
      notOk: [
        {
          name: 'a misspelt id in the unit',
          files: { 'unit-a/unit.yaml': 'title: Unit A\nlessons: [asking-for-hlep]\n' },
          at: { line: 2, column: 11, file: 'unit-a/unit.yaml' },
        },
      ],
    },
  },
  'unit-lesson-not-listed': {
    severity: 'error',
    source: 'library',
    description: "A lesson is missing from its unit's `lessons`.",
    message: ({ id, unitFile }: { id: string; unitFile: string }) =>
      `This lesson is not in its unit's \`lessons\` list (${unitFile}). Add \`${id}\` there so it has a place in the unit.`,
    fixtures: {
      ok: [
        {
          name: 'two lessons, both listed',
          files: {
            'unit-a/unit.yaml': 'title: Unit A\nlessons: [asking-for-help, second]\n',
            'unit-a/second.yaml': fixtureLesson,
          },
        },
      ],
      notOk: [
        {
          name: 'a second lesson the unit does not list',
          files: { 'unit-a/second.yaml': fixtureLesson },
          at: { line: 1, column: 1, file: 'unit-a/second.yaml' },
        },
      ],
    },
  },
  'unit-file-missing': {
    severity: 'error',
    source: 'library',
    description: 'A unit folder has no unit.yaml.',
    fixtures: {
      ok: [
        {
          name: 'a unit folder with its unit.yaml',
          files: { 'unit-b/unit.yaml': unitB('other'), 'unit-b/other.yaml': fixtureLesson },
        },
      ],
      notOk: [
        {
          name: 'a unit folder without one',
          files: { 'unit-b/other.yaml': fixtureLesson },
          at: { line: 1, column: 1, file: 'unit-b/unit.yaml' },
        },
      ],
    },
  },
  'library-not-found': {
    severity: 'error',
    source: 'library',
    description: 'The folder is not a library (no signposts.yaml).',
    fixtures: {
      ok: [{ name: 'a folder with signposts.yaml' }],
      notOk: [
        {
          name: 'a folder without signposts.yaml',
          files: { 'signposts.yaml': null },
          at: { line: 1, column: 1, file: 'signposts.yaml' },
        },
      ],
    },
  },
  'library-empty': {
    severity: 'error',
    source: 'library',
    description: 'The library has no lessons.',
    fixtures: {
      ok: [{ name: 'a library with one lesson' }],
      notOk: [
        {
          name: 'signposts.yaml alone',
          files: { 'unit-a/unit.yaml': null, 'unit-a/asking-for-help.yaml': null },
          at: { line: 1, column: 1, file: 'signposts.yaml' },
        },
      ],
    },
  },
  'unfinished-placeholder': {
    severity: 'error',
    source: 'library',
    description: 'The lesson still has placeholders from `pshe new`.',
    message: (placeholder: string) =>
      `This still holds a placeholder from \`pshe new\` ("${placeholder} …"). Write the real content.`,
    fixtures: {
      ok: [
        {
          name: 'the word TODO without a colon',
          edit: [['Trusted adults can help.', 'Trusted adults can help with a TODO list.']],
        },
      ],
      notOk: [
        {
          name: 'a placeholder left in',
          edit: [['Trusted adults can help.', "'TODO: write this'"]],
          at: { line: 7, column: 5 },
        },
      ],
    },
  },
  'image-not-found': {
    severity: 'error',
    source: 'library',
    description: 'An image file that does not exist, or a school logo that is missing or not a PNG or JPEG.',
    fixtures: {
      ok: [
        {
          name: 'an image that is there',
          edit: [say('![A chart](chart.png)')],
          files: { 'unit-a/chart.png': pngHeader(40, 30) },
        },
      ],
      notOk: [
        { name: 'an image that is not there', edit: [say('![A chart](chart.png)')], at: { line: 25, column: 7 } },
        {
          name: 'a school logo that is not there',
          files: { 'school.yaml': 'name: Test School\ndslContact: the office\nlogo: logo.png\n' },
          at: { line: 3, column: 7, file: 'school.yaml' },
        },
      ],
    },
  },
  'image-not-a-file': {
    severity: 'error',
    source: 'library',
    description: 'An image or logo names a folder or a device, not a file.',
    fixtures: {
      ok: [
        {
          name: 'an image that is a file',
          edit: [say('![A chart](chart.png)')],
          files: { 'unit-a/chart.png': pngHeader(40, 30) },
        },
      ],
      notOk: [
        {
          name: 'an image that is a folder',
          edit: [say('![A chart](chart.png)')],
          folders: ['unit-a/chart.png'],
          at: { line: 25, column: 7 },
        },
      ],
    },
  },
  'image-path-invalid': {
    severity: 'error',
    source: 'library',
    description: 'An image path cannot be read as a file name (a bad %-escape).',
    fixtures: {
      ok: [
        {
          name: 'a space written %20',
          edit: [say('![A chart](my%20chart.png)')],
          files: { 'unit-a/my chart.png': pngHeader(40, 30) },
        },
      ],
      notOk: [
        {
          name: 'a % not followed by two hex digits',
          edit: [say('![A chart](my%zzchart.png)')],
          at: { line: 25, column: 7 },
        },
      ],
    },
  },
  'unit-id-invalid': {
    severity: 'error',
    source: 'library',
    description: 'A unit folder name is not an id (lower case words joined by hyphens).',
    fixtures: {
      ok: [
        {
          name: 'a unit folder in lower case with hyphens',
          files: { 'unit-b/unit.yaml': unitB('other'), 'unit-b/other.yaml': fixtureLesson },
        },
      ],
      notOk: [
        {
          name: 'a unit folder with capitals and an underscore',
          files: { 'Unit_B/unit.yaml': unitB('other'), 'Unit_B/other.yaml': fixtureLesson },
          at: { line: 1, column: 1, file: 'Unit_B/unit.yaml' },
        },
      ],
    },
  },
} satisfies Record<string, Rule>;
