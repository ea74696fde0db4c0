import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { reportNode } from '../diagnostics.ts';
import { renderBlocks } from '../render-markdown.ts';
import { paragraph, writeRuns } from '../text.ts';
import type { BlockHandler } from '../types.ts';
import { inlineRuns } from './inline.ts';

const isBlock = (node: Nodes) =>
  !['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'link', 'break', 'textDirective'].includes(node.type);

const describe = (node: RootContent) =>
  node.type === 'containerDirective'
    ? `the directive \`:::${node.name}\``
    : node.type === 'leafDirective'
      ? `the directive \`::${node.name}\``
      : `\`${node.type}\``;

/**
 * Anything the handler maps do not know. It is always reported. In staff
 * documents its content is still printed; in participant documents an unknown
 * container directive is left out, because a mistyped `:::teacher` must never
 * put staff-only notes in front of pupils.
 */
export const unknownHandler: BlockHandler = (ctx, node) => {
  if (node.type === 'html') {
    reportNode(ctx, node, 'Raw HTML cannot be printed and was left out');
    return;
  }
  if (node.type === 'containerDirective' && ctx.reader === 'participant') {
    reportNode(ctx, node, `PDFs do not know ${describe(node)}, so it was left out of the participants' documents`);
    return;
  }
  reportNode(ctx, node, `PDFs do not know ${describe(node)}; its content is printed as plain text`);
  if ('children' in node && Array.isArray(node.children)) {
    const children = node.children as Nodes[];
    if (children.every((child) => !isBlock(child))) writeRuns(ctx, inlineRuns(ctx, children as PhrasingContent[]));
    else renderBlocks(ctx, children as RootContent[]);
  } else if ('value' in node && typeof node.value === 'string') paragraph(ctx, node.value);
  else if (toString(node)) paragraph(ctx, toString(node));
};
