import { defaultSchema } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';

/**
 * Every class our handlers put on an element. The sanitizer keeps these and
 * nothing else, so a class can only appear on a page because a handler set it.
 */
export const htmlClasses = {
  teacherNote: 'teacher-note',
  scenario: 'scenario',
  callout: 'callout',
  discuss: 'callout-discuss',
  warning: 'callout-warning',
  calloutLabel: 'callout-label',
  answerLines: 'answer-lines',
  answerLine: 'answer-line',
  signpost: 'signpost',
  signpostName: 'signpost-name',
  signpostContact: 'signpost-contact',
  external: 'external',
  visuallyHidden: 'visually-hidden',
} as const;

const defaults = defaultSchema.attributes ?? {};
const keep = (tag: string) => defaults[tag] ?? [];

/**
 * GitHub's sanitize schema (hast-util-sanitize's default), extended only for the
 * elements and classes our directive handlers make. Raw HTML never reaches a page:
 * `raw` nodes are not in the schema, and `href` may only be https, mailto or tel.
 *
 * `clobber` is empty because every id comes from mdast-util-to-hast's footnotes,
 * which already carry the `user-content-` prefix (authors cannot write ids: unknown
 * directive attributes are errors), and prefixing ids twice would break the links.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside', 'figure', 'figcaption'],
  protocols: {
    ...defaultSchema.protocols,
    href: ['https', 'mailto', 'tel'],
    // Images are local files next to the lesson: relative addresses only.
    src: [],
    cite: ['https'],
    longDesc: ['https'],
  },
  attributes: {
    ...defaults,
    a: [...keep('a'), ['rel', 'noopener', 'noreferrer'], ['className', htmlClasses.external]],
    aside: ['ariaLabel', ['className', htmlClasses.teacherNote]],
    figure: [['className', htmlClasses.scenario]],
    figcaption: [],
    div: [
      ...keep('div'),
      ['role', 'note'],
      'ariaLabel',
      ['className', htmlClasses.callout, htmlClasses.discuss, htmlClasses.warning, htmlClasses.answerLines],
    ],
    p: [['className', htmlClasses.calloutLabel]],
    span: [
      'ariaHidden',
      [
        'className',
        htmlClasses.answerLine,
        htmlClasses.signpost,
        htmlClasses.signpostName,
        htmlClasses.signpostContact,
        htmlClasses.visuallyHidden,
      ],
    ],
    input: [...keep('input'), 'ariaLabel'],
  },
};
