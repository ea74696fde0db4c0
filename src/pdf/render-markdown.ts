import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { MarkdownField } from '../lesson/types.ts';
import { gap } from './layout.ts';
import { estimateStart, measureText } from './text.ts';
import type { BlockHandler, PdfContext } from './types.ts';

/** The explicit "draw nothing" handler: for `:::teacher` in participant documents, link definitions, front matter. */
export const ignore: BlockHandler = () => {};

/** The handler for a block: by node type, or for directives by name; else the unknown handler. */
export function handlerFor(ctx: PdfContext, node: RootContent): BlockHandler {
  const { handlers } = ctx;
  if (node.type === 'containerDirective') return handlers.containerDirectives[node.name] ?? handlers.unknown;
  if (node.type === 'leafDirective') return handlers.leafDirectives[node.name] ?? handlers.unknown;
  return handlers.nodes[node.type] ?? handlers.unknown;
}

/**
 * Lay out block nodes one after the other with the theme's gap between them.
 * A node that draws nothing (a `:::teacher` note in a pupil handout) leaves no gap.
 */
export function renderBlocks(ctx: PdfContext, nodes: readonly RootContent[]): void {
  const { doc } = ctx;
  let drewSomething = false;
  nodes.forEach((node, index) => {
    const page = doc.page;
    const before = doc.y;
    if (drewSomething) gap(ctx);
    const afterGap = doc.y;
    ctx.run.node = node;
    handlerFor(ctx, node)(ctx, node, nodes[index + 1]);
    if (doc.page === page && doc.y === afterGap) doc.y = before;
    else drewSomething = true;
  });
}

/** Render a lesson's markdown field (its parsed mdast), naming the field in any diagnostic. */
export function renderField(ctx: PdfContext, field: MarkdownField | undefined, name: string): void {
  if (!field) return;
  const previous = ctx.run.field;
  ctx.run.field = name;
  ctx.run.node = field.tree;
  renderBlocks(ctx, field.tree.children);
  ctx.run.field = previous;
}

/**
 * How much of a field must fit under its heading (keep-with-next): the first
 * block this reader sees, and when that block is a question followed by
 * `::lines`, the whole question and the first lines to write on (what the
 * paragraph handler keeps together anyway, so the heading never stays behind).
 * Never more than half a page, so a long first paragraph still flows.
 */
export function keepWithField(ctx: PdfContext, field: MarkdownField | undefined, name: string): number | undefined {
  if (!field) return undefined;
  ctx.run.field = name;
  const visible = field.tree.children.filter((node) => handlerFor(ctx, node) !== ignore);
  const [first, next] = visible;
  if (!first) return undefined;
  const { theme } = ctx;
  let height = estimateStart(ctx, first);
  const asksForLines = next?.type === 'leafDirective' && next.name === 'lines';
  if (asksForLines && (first.type === 'paragraph' || (first.type === 'list' && first.children.length === 1))) {
    const indent = first.type === 'list' ? theme.indent * 1.5 : 0;
    const text = toString(first).slice(0, 600);
    const lines = Math.min(Number(next.attributes?.count ?? 3) || 3, 3);
    height =
      measureText(ctx, text, theme.size.body, 'regular', ctx.frame.width - indent) +
      theme.blockGap +
      lines * theme.answerLineSpacing;
  }
  const page = ctx.doc.page;
  const textHeight = page.maxY() - page.margins.top;
  return Math.min(height + theme.boxPadding, textHeight / 2);
}
