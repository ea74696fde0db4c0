import type { RootContent } from 'mdast';
import type { MarkdownField } from '../lesson/types.ts';
import { gap } from './layout.ts';
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
 * True when a field has something to show to this reader (a field of only
 * `:::teacher` notes has nothing for pupils). Names the field for diagnostics.
 */
export function hasContentFor(ctx: PdfContext, field: MarkdownField | undefined, name: string): boolean {
  if (!field) return false;
  ctx.run.field = name;
  ctx.run.node = field.tree;
  return field.tree.children.some((node) => handlerFor(ctx, node) !== ignore);
}
