import { ExternalHyperlink, type ParagraphChild } from 'docx';
import type { PhrasingContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { contactPhrases, contactStyles, findService, printedAddress, type HelpService } from '../lesson/help.ts';
import { signpostIdOf } from '../markdown/signpost-id.ts';
import { run } from './components.ts';
import type { DocxContext, InlineChildren, InlineStyle } from './types.ts';

const hex = (colour: string | undefined) => colour?.replace('#', '').toUpperCase();

/** A run of text in an inherited look. */
export function textRun(text: string, style: InlineStyle = {}): ParagraphChild {
  return run(text, { bold: style.bold, italics: style.italics, strike: style.strike, colour: hex(style.colour) });
}

/** A link: Word's Hyperlink character style, so it looks and reads as one. */
export function linkRun(href: string, text: string, style: InlineStyle = {}): ExternalHyperlink {
  return new ExternalHyperlink({
    link: href,
    children: [run(text, { style: 'Hyperlink', bold: style.bold, italics: style.italics })],
  });
}

/** How to reach a service, in the print style the PDFs use: "call 0800 1111 (free), www.childline.org.uk". */
export function contactChildren(service: HelpService, style: InlineStyle = {}): InlineChildren {
  const phrases = contactPhrases(service, contactStyles.print);
  return phrases.flatMap(({ words, href }, index) => {
    const part = href ? linkRun(href, words, style) : textRun(words, style);
    return index ? [textRun(contactStyles.print.separator, style), part] : [part];
  });
}

/** `:signpost[id]`: the service's name, then how to reach it; an unknown id is shown as written (the check reports it). */
function signpost(ctx: DocxContext, node: TextDirective, style: InlineStyle): InlineChildren {
  const id = signpostIdOf(node);
  const service = findService(ctx.library, id);
  if (!service) return [textRun(id, style)];
  const contacts = contactChildren(service, style);
  const name = textRun(service.name, { ...style, bold: true });
  return contacts.length ? [name, textRun(': ', style), ...contacts] : [name];
}

/** A soft line break inside a paragraph is a space on paper; only `break` breaks the line. */
const flow = (text: string) => text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');

type Handler = (ctx: DocxContext, node: PhrasingContent, style: InlineStyle) => InlineChildren;

const children: Handler = (ctx, node, style) =>
  'children' in node ? inlineChildren(ctx, node.children as PhrasingContent[], style) : [];

const image: Handler = (_ctx, node, style) => [
  textRun(`[Image: ${(node as { alt?: string }).alt || 'no description'}]`, style),
];

/** Inline handlers keyed by mdast node type, as the PDF's (src/pdf/handlers/inline.ts). */
const handlers: Record<string, Handler> = {
  text: (_ctx, node, style) => [textRun(flow((node as { value: string }).value), style)],
  strong: (ctx, node, style) => children(ctx, node, { ...style, bold: true }),
  emphasis: (ctx, node, style) => children(ctx, node, { ...style, italics: true }),
  delete: (ctx, node, style) => children(ctx, node, { ...style, strike: true }),
  inlineCode: (_ctx, node, style) => [textRun((node as { value: string }).value, style)],
  break: () => [run(undefined, { breakBefore: true })],
  link: (ctx, node, style) => {
    const url = (node as { url: string }).url;
    const shown = toString(node).trim();
    const address = printedAddress(url);
    const label = linkRun(url, shown || address, style);
    // On paper the address must be readable too, unless the link text already is the address.
    if (!shown || printedAddress(shown) === address) return [label];
    const muted = { ...style, colour: ctx.colours.muted };
    return [label, textRun(' (', muted), linkRun(url, address, style), textRun(')', muted)];
  },
  linkReference: children,
  image,
  imageReference: image,
  footnoteReference: (_ctx, node, style) => [textRun(`[${(node as { label?: string }).label ?? ''}]`, style)],
  textDirective: (ctx, node, style) => {
    const directive = node as TextDirective;
    if (directive.name === 'signpost') return signpost(ctx, directive, style);
    return [textRun(flow(toString(node)), style)];
  },
  // Raw HTML is never printed (the PDFs leave it out and the check reports it).
  html: () => [],
};

/** Inline mdast content as Word runs and links; anything else keeps its text, so nothing disappears. */
export function inlineChildren(
  ctx: DocxContext,
  nodes: readonly PhrasingContent[],
  style: InlineStyle = {},
): InlineChildren {
  return nodes.flatMap((node) =>
    (handlers[node.type] ?? ((_c, n, s) => [textRun(flow(toString(n)), s)]))(ctx, node, style),
  );
}
