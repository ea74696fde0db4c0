import { fixtureSignposts, pngHeader } from './fixture-library.ts';
import type { Lesson } from '../types.ts';
import type { Rule } from './types.ts';

const say = (markdown: string) => ['Sam is worried.', markdown] as const;

/** A slide of `count` long lines, added before the first cycle's explanation. */
const slide = (count: number) =>
  [
    '    explanation: |\n      Talk about',
    `    slides:\n      - title: Too much\n        body: |\n${Array.from(
      { length: count },
      (_, i) => `          - Point ${i + 1} is a long line of text about asking for help.`,
    ).join('\n')}\n    explanation: |\n      Talk about`,
  ] as const;

/** `count` short authored slides in the first cycle: a deck longer than its lesson. */
const manySlides = (count: number) =>
  [
    '    explanation: |\n      Talk about',
    `    slides:\n${Array.from({ length: count }, (_, i) => `      - title: Slide ${i + 1}\n        body: Point ${i + 1}.`).join('\n')}\n    explanation: |\n      Talk about`,
  ] as const;

/** Content the loader never lets through: a practice field whose tree is not a tree (a renderer's own defence). */
const brokenPractice = (lesson: Lesson): Lesson =>
  ({
    ...lesson,
    cycles: [{ ...lesson.cycles[0], practice: { source: 'x', tree: { type: 'root', children: null } } }],
  }) as unknown as Lesson;

/** The help services with the NSPCC's helpline, which the parent letter names: a library that renders without a change. */
const renders = {
  'signposts.yaml': `${fixtureSignposts}- id: nspcc-helpline
  name: NSPCC Helpline
  helpsWith: Worries about a child.
  audience: Adults
  ages: adults
  phone: 0808 800 5000
  url: https://www.nspcc.org.uk
  verifiedOn: '2026-06-01'
`,
};

/** Rules about the downloads: what the PDFs and slides can draw and fit. */
export const renderRules = {
  'glyph-missing': {
    severity: 'warning',
    source: 'render',
    description:
      "A character the PDFs' fonts cannot draw (an emoji, a script the fonts lack): it would print as a blank.",
    message: ({ code, char }: { code: string; char: string }) =>
      `The character ${code} (${char}) is not in the PDFs' font: it prints as a blank. Write it in words, or leave it out.`,
    fixtures: {
      ok: [{ name: 'accents and a dash', edit: [['title: Asking for help', 'title: Asking for help — café']] }],
      notOk: [
        {
          name: 'an emoji in the title',
          edit: [['title: Asking for help', 'title: Asking for help 🙂']],
          at: { line: 1, column: 24 },
        },
      ],
    },
  },
  'slide-too-long': {
    severity: 'warning',
    source: 'render',
    description: 'A slide holds more text than fits; it will be split.',
    fixtures: {
      ok: [{ name: 'a slide of 3 points', edit: [slide(3)] }],
      notOk: [{ name: 'a slide of 14 long points', edit: [slide(14)], at: { line: 22, column: 9 } }],
    },
  },
  'deck-too-long': {
    severity: 'warning',
    source: 'render',
    description:
      'The slides, once split to fit, are more than one per 1.5 minutes of the lesson (40 for 60 minutes, 30 for 45).',
    fixtures: {
      ok: [{ name: 'a 50-minute lesson of a dozen slides', edit: [] }],
      notOk: [
        { name: 'a 50-minute lesson of 30 authored slides', edit: [manySlides(30)], at: { line: 4, column: 20 } },
      ],
    },
  },
  'render-adjusted': {
    severity: 'warning',
    source: 'render',
    description:
      'A download was made, but some content had to be changed to fit (a table shrunk, an image replaced by its description).',
    fixtures: {
      ok: [{ name: 'the default lesson, rendered', files: renders, render: true }],
      notOk: [
        {
          name: 'an image whose header is a PNG but whose pixels are not',
          edit: [say('![A chart](chart.png)')],
          files: { 'unit-a/chart.png': pngHeader(40, 30) },
          render: true,
          at: { line: 25, column: 7 },
        },
      ],
    },
  },
  'render-failed': {
    severity: 'error',
    source: 'render',
    description: 'A download could not be rendered from this lesson.',
    fixtures: {
      ok: [{ name: 'the default lesson, rendered', files: renders, render: true }],
      notOk: [
        { name: 'a practice field that is not a markdown tree', render: brokenPractice, at: { line: 1, column: 1 } },
      ],
    },
  },
} satisfies Record<string, Rule>;
