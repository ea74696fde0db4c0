import type { List, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { inlineText } from './handlers/inline.ts';
import { handlerFor, ignore } from './render-markdown.ts';
import { lineHeight, measureText } from './text.ts';
import type { PdfContext } from './types.ts';

/**
 * How tall blocks will be when laid out in `ctx.frame` at `ctx.theme`'s sizes,
 * without drawing them. An estimate (inline styles and link addresses are
 * measured as plain text), close enough to choose a size at which a slide's
 * body fits its page.
 */
export function estimateHeight(ctx: PdfContext, nodes: readonly RootContent[]): number {
  const { theme } = ctx;
  let total = 0;
  let count = 0;
  for (const node of nodes) {
    if (handlerFor(ctx, node) === ignore) continue;
    total += estimateBlock(ctx, node) + (count++ ? theme.blockGap : 0);
  }
  return total;
}

function estimateBlock(ctx: PdfContext, node: RootContent): number {
  const { theme, frame } = ctx;
  const line = lineHeight(ctx);
  switch (node.type) {
    case 'paragraph':
      // The runs as printed: a signpost's name and contacts, a link's address.
      return measureText(ctx, inlineText(ctx, node.children), theme.size.body);
    case 'heading':
      return line * 1.6;
    case 'list': {
      const inner = { ...ctx, frame: { x: frame.x + theme.indent * 1.3, width: frame.width - theme.indent * 1.3 } };
      const items = (node as List).children;
      return (
        items.reduce((sum, item) => sum + estimateHeight(inner, item.children), 0) + items.length * theme.blockGap * 0.5
      );
    }
    case 'containerDirective': {
      const pad = theme.boxPadding;
      const inner = { ...ctx, frame: { x: frame.x + pad * 2, width: frame.width - pad * 3 } };
      return pad * 2 + line + theme.blockGap * 0.4 + estimateHeight(inner, (node as ContainerDirective).children);
    }
    case 'blockquote':
      return theme.boxPadding * 2 + estimateHeight(ctx, node.children);
    case 'table':
      return node.children.length * line * 1.6;
    case 'leafDirective':
      return Number(node.attributes?.count ?? 3) * theme.answerLineSpacing;
    case 'code':
      return theme.boxPadding * 2 + node.value.split('\n').length * line;
    default:
      return line;
  }
}
