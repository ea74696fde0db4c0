import type { Rule } from './types.ts';

/** The default lesson's scenario box replaced by `markdown` (lines of the first cycle's explanation). */
const box = (markdown: string) => [':::scenario{name="Sam"}\n      Sam is worried.\n      :::', markdown] as const;
/** Lines of markdown indented into the explanation's block. */
const lines = (all: readonly string[]) => all.join('\n      ');
const table = (columns: number) =>
  lines([
    `| ${Array.from({ length: columns }, (_, i) => `H${i + 1}`).join(' | ')} |`,
    `|${' --- |'.repeat(columns)}`,
    `| ${Array.from({ length: columns }, () => 'x').join(' | ')} |`,
  ]);
const list = (items: number) => lines(Array.from({ length: items }, (_, i) => `- Item ${i + 1}`));
const quotes = (depth: number) => `${'> '.repeat(depth)}Deep.`;

/**
 * Rules of markdown fields: the directives PSHE Kit knows, and the caps on
 * nesting, words, tables and lists (the rest of markdown's rules are safety's).
 */
export const markdownRules = {
  'markdown-unknown-directive': {
    severity: 'error',
    source: 'markdown',
    description: 'A directive PSHE Kit does not know.',
    fixtures: {
      ok: [{ name: 'a scenario box' }],
      notOk: [{ name: 'a misspelt scenario', edit: [[':::scenario{', ':::scenaro{']], at: { line: 24, column: 7 } }],
    },
  },
  'markdown-directive-attribute': {
    severity: 'error',
    source: 'markdown',
    description: 'A directive attribute that is unknown or has a bad value.',
    fixtures: {
      ok: [{ name: 'a scenario with a name' }],
      notOk: [{ name: 'a misspelt attribute', edit: [['{name="Sam"}', '{nmae="Sam"}']], at: { line: 24, column: 7 } }],
    },
  },
  'markdown-directive-kind': {
    severity: 'error',
    source: 'markdown',
    description: 'A directive written with the wrong number of colons.',
    fixtures: {
      ok: [{ name: 'a scenario box with three colons' }],
      notOk: [
        { name: 'a scenario with two colons', edit: [box('::scenario{name="Sam"}')], at: { line: 24, column: 7 } },
      ],
    },
  },
  'markdown-too-deep': {
    severity: 'error',
    source: 'markdown',
    description:
      'Markdown lists, quotes or directives are nested deeper than the limit, or a field holds more emphasis marks than the limit (see Limits).',
    fixtures: {
      ok: [{ name: 'quotes 12 deep', edit: [box(quotes(12))] }],
      notOk: [{ name: 'quotes 13 deep', edit: [box(quotes(13))], at: { line: 24, column: 31 } }],
    },
  },
  'word-too-long': {
    severity: 'error',
    source: 'markdown',
    description: 'A word is longer than the limit (see Limits); it could not be laid out on a page.',
    message: ({ word, limit }: { word: string; limit: number }) =>
      `A word of ${word.length} characters ("${word.slice(0, 20)}…") is longer than ${limit}: it cannot be laid out on a page. Add spaces, or shorten it.`,
    fixtures: {
      ok: [
        { name: 'a word of 150 letters', edit: [['name two ways', `name ${'a'.repeat(150)} ways`]] },
        { name: 'a long address in a link', edit: [box(`[A page](https://example.com/${'a'.repeat(200)})`)] },
      ],
      notOk: [
        {
          name: 'a word of 151 letters',
          edit: [['name two ways', `name ${'a'.repeat(151)} ways`]],
          at: { line: 5, column: 29 },
        },
        { name: 'a long word in markdown', edit: [box(`Sam is ${'a'.repeat(151)}.`)], at: { line: 24, column: 14 } },
      ],
    },
  },
  'table-too-large': {
    severity: 'error',
    source: 'markdown',
    description: 'A table has more rows or columns than the limit (see Limits).',
    fixtures: {
      ok: [{ name: 'a table of 10 columns', edit: [box(table(10))] }],
      notOk: [{ name: 'a table of 11 columns', edit: [box(table(11))], at: { line: 24, column: 58 } }],
    },
  },
  'list-too-long': {
    severity: 'error',
    source: 'markdown',
    description: 'A markdown list has more items than the limit (see Limits).',
    fixtures: {
      ok: [{ name: 'a list of 100 items', edit: [box(list(100))] }],
      notOk: [{ name: 'a list of 101 items', edit: [box(list(101))], at: { line: 124, column: 7 } }],
    },
  },
} satisfies Record<string, Rule>;
