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
  linesNote: 'lines-note',
  signpost: 'signpost',
  signpostName: 'signpost-name',
  signpostContact: 'signpost-contact',
  external: 'external',
  visuallyHidden: 'visually-hidden',
} as const;

type AttributeList = NonNullable<Schema['attributes']>[string];

const defaults = defaultSchema.attributes ?? {};

/**
 * The default schema's attributes for `tag` plus ours. Allowed classes are merged
 * into one `className` entry, because the sanitizer only reads the first one.
 */
function extend(tag: string, extra: AttributeList, classes: string[] = []): AttributeList {
  const base = defaults[tag] ?? [];
  const isClass = (entry: AttributeList[number]) => Array.isArray(entry) && entry[0] === 'className';
  const baseClasses = base.filter(isClass).flatMap((entry) => (entry as unknown[]).slice(1) as string[]);
  const allClasses = [...baseClasses, ...classes];
  return [
    ...base.filter((entry) => !isClass(entry)),
    ...extra,
    ...(allClasses.length > 0 ? [['className', ...allClasses] as AttributeList[number]] : []),
  ];
}

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
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  protocols: {
    ...defaultSchema.protocols,
    href: ['https', 'mailto', 'tel'],
    // Images are files next to the lesson, embedded by the site as data: URIs
    // (the CSP's img-src allows data:, and an <img> never runs script).
    src: ['data'],
    cite: ['https'],
    longDesc: ['https'],
  },
  attributes: {
    ...defaults,
    a: extend('a', [['rel', 'noopener', 'noreferrer']], [htmlClasses.external]),
    figure: extend('figure', [], [htmlClasses.scenario]),
    figcaption: [],
    div: extend(
      'div',
      [['role', 'note'], 'ariaLabel'],
      [htmlClasses.callout, htmlClasses.discuss, htmlClasses.warning, htmlClasses.answerLines, htmlClasses.teacherNote],
    ),
    p: extend('p', [], [htmlClasses.calloutLabel, htmlClasses.linesNote]),
    strong: extend('strong', [], [htmlClasses.signpostName]),
    span: extend(
      'span',
      ['ariaHidden'],
      [htmlClasses.answerLine, htmlClasses.signpost, htmlClasses.signpostContact, htmlClasses.visuallyHidden],
    ),
    input: extend('input', ['ariaLabel']),
  },
};
