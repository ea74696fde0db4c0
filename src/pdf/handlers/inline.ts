import { signpostIdOf } from '../../markdown/signpost-id.ts';
import type { PhrasingContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { reportNode } from '../diagnostics.ts';
import { addressRun, readableUrl, signpostRuns } from '../signposts.ts';
import { boldFace, italicFace } from '../text.ts';
import type { Face, PdfContext, Run } from '../types.ts';

/** The look that inline nodes inherit from their parents. */
export interface InlineStyle {
  face: Face;
  link?: string;
  strike?: boolean;
  colour?: string;
}

type InlineHandler = (ctx: PdfContext, node: PhrasingContent, style: InlineStyle) => Run[];

const children = (ctx: PdfContext, node: PhrasingContent, style: InlineStyle): Run[] =>
  'children' in node ? inlineRuns(ctx, node.children as PhrasingContent[], style) : [];

const run = (text: string, style: InlineStyle): Run => ({ text, ...style });

/** A soft line break inside a paragraph is a space on paper; only `break` (two spaces or `\`) breaks the line. */
const flow = (text: string) => text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');

/** `:signpost[id]`: name and contact from the library; an unknown id is reported and shown as written. */
function signpost(ctx: PdfContext, node: TextDirective, style: InlineStyle): Run[] {
  const id = signpostIdOf(node);
  const runs = signpostRuns(ctx, id, style.face);
  if (runs) return runs;
  reportNode(
    ctx,
    node,
    `The help service \`${id}\` is not in signposts.yaml or the school profile, so only its id is printed`,
  );
  return [run(id, style)];
}

const textDirectives: Record<string, (ctx: PdfContext, node: TextDirective, style: InlineStyle) => Run[]> = {
  signpost,
};

/** Inline handlers keyed by mdast node type. */
export const inlineHandlers: Record<string, InlineHandler> = {
  text: (_ctx, node, style) => [run(flow((node as { value: string }).value), style)],
  strong: (ctx, node, style) => children(ctx, node, { ...style, face: boldFace(style.face) }),
  emphasis: (ctx, node, style) => children(ctx, node, { ...style, face: italicFace(style.face) }),
  delete: (ctx, node, style) => children(ctx, node, { ...style, strike: true }),
  inlineCode: (_ctx, node, style) => [run((node as { value: string }).value, style)],
  break: (_ctx, _node, style) => [run('\n', style)],
  link: (ctx, node, style) => {
    const url = (node as { url: string }).url;
    const label = children(ctx, node, { ...style, link: url, colour: ctx.theme.colours.link });
    const shown = label
      .map((r) => r.text)
      .join('')
      .trim();
    const address = readableUrl(url);
    // On paper the address must be readable too, unless the link text already is the address.
    if (!shown || readableUrl(shown) === address) return label.length ? label : [run(address, { ...style, link: url })];
    const muted = { ...style, colour: ctx.theme.colours.muted };
    return [...label, run(' (', muted), addressRun(url, style.face, muted.colour, undefined), run(')', muted)];
  },
  linkReference: (ctx, node, style) => children(ctx, node, style),
  image: (_ctx, node, style) => [run(`[Image: ${(node as { alt?: string }).alt || 'no description'}]`, style)],
  imageReference: (_ctx, node, style) => [run(`[Image: ${(node as { alt?: string }).alt || 'no description'}]`, style)],
  footnoteReference: (_ctx, node, style) => [run(`[${(node as { label?: string }).label ?? ''}]`, style)],
  textDirective: (ctx, node, style) => {
    const directive = node as TextDirective;
    const handler = textDirectives[directive.name];
    return handler ? handler(ctx, directive, style) : unknownInline(ctx, node, style);
  },
};

/** Anything else: reported, and its text kept so that nothing disappears without a word. */
function unknownInline(ctx: PdfContext, node: PhrasingContent, style: InlineStyle): Run[] {
  const name =
    node.type === 'textDirective' ? `the directive \`:${(node as TextDirective).name}\`` : `\`${node.type}\``;
  if (node.type === 'html') {
    reportNode(ctx, node, 'Raw HTML cannot be printed and was left out');
    return [];
  }
  reportNode(ctx, node, `PDFs do not know ${name}; its text is printed as plain text`);
  return [run(flow(toString(node)), style)];
}

/** Inline mdast content as runs of text. */
export function inlineRuns(
  ctx: PdfContext,
  nodes: readonly PhrasingContent[],
  style: InlineStyle = { face: 'regular' },
): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    const handler = inlineHandlers[node.type] ?? unknownInline;
    runs.push(...handler(ctx, node, style));
  }
  return runs;
}

/** Inline content as plain text, addresses and contacts included: for table cells. */
export function inlineText(ctx: PdfContext, nodes: readonly PhrasingContent[]): string {
  return inlineRuns(ctx, nodes)
    .map((r) => r.text)
    .join('')
    .trim();
}
