import type { Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { HelpService } from '../lesson/help.ts';
import type { Diagnostic, Signpost } from '../lesson/types.ts';
import { createContext } from './context.ts';
import { createHandlers, unknownHandler } from './handlers.ts';
import { sanitizeSchema } from './schema.ts';
import { signpostInline } from './signpost.ts';
import type { HtmlOptions, HtmlResult } from './types.ts';

const stringifier = unified().use(rehypeStringify).freeze();

/**
 * Render mdast to sanitized HTML and return the problems met on the way
 * (`render-failed` diagnostics; the HTML is still as complete as it can be).
 *
 * Pipeline: mdast-util-to-hast with our handlers → hast-util-sanitize with
 * {@link sanitizeSchema} → rehype-stringify. Raw HTML never reaches the output.
 */
export function renderHtml(nodes: Root | RootContent[], options: HtmlOptions): HtmlResult {
  const diagnostics: Diagnostic[] = [];
  const context = createContext(options, (d) => {
    diagnostics.push(d);
    options.report?.(d);
  });
  const tree: Root = Array.isArray(nodes) ? { type: 'root', children: nodes } : nodes;
  const hast = toHast(tree, {
    handlers: createHandlers(context),
    unknownHandler: unknownHandler(context),
    clobberPrefix: `user-content-${options.idPrefix ?? ''}`,
    footnoteLabel: 'Footnotes',
    footnoteBackLabel: (index) => `Back to reference ${index + 1}`,
  });
  const clean = sanitize(hast, sanitizeSchema) as HastRoot;
  return { html: stringifier.stringify(clean), diagnostics };
}

/**
 * The site's one mdast → HTML renderer. `view: 'pupil'` leaves out every
 * `:::teacher` block; problems go to `options.report` when given.
 */
export function mdastToHtml(nodes: Root | RootContent[], options: HtmlOptions): string {
  return renderHtml(nodes, options).html;
}

/**
 * One help service's name and contact as HTML, made by the same builder as
 * `:signpost[id]` in lessons (so both read the same) and sanitized the same way.
 */
export function signpostHtml(service: Signpost | HelpService): string {
  const tree: HastRoot = { type: 'root', children: [signpostInline(service)] };
  return stringifier.stringify(sanitize(tree, sanitizeSchema) as HastRoot);
}
