import type { Blockquote, Code, FootnoteDefinition, Heading, Image, List, Paragraph, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { box } from '../callouts.ts';
import { figure } from '../images.ts';
import { list } from '../lists.ts';
import { rule } from '../page-furniture.ts';
import { ignore, renderBlocks } from '../render-markdown.ts';
import { table } from '../tables.ts';
import { ensureSpace } from '../layout.ts';
import { estimateStart, heading, measureText, paragraph, writeRuns } from '../text.ts';
import type { BlockHandler, PdfContext } from '../types.ts';
import { inlineRuns, inlineText } from './inline.ts';

/** A paragraph that holds only an image is a figure. */
const onlyImage = (node: Paragraph): Image | undefined => {
  const content = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  return content.length === 1 && content[0].type === 'image' ? content[0] : undefined;
};

/**
 * A question stays on the same page as the first lines written under it
 * (`::lines` after a paragraph, or after a one-item list such as "2. Why…").
 */
function keepWithLines(ctx: PdfContext, text: string, next: RootContent | undefined, indent = 0): void {
  if (next?.type !== 'leafDirective' || next.name !== 'lines') return;
  const lines = Math.min(Number(next.attributes?.count ?? 3) || 3, 3);
  const height = measureText(ctx, text.slice(0, 600), ctx.theme.size.body, 'regular', ctx.frame.width - indent);
  ensureSpace(ctx, height + ctx.theme.blockGap + lines * ctx.theme.answerLineSpacing);
}

const paragraphHandler: BlockHandler = (ctx, node, next) => {
  const p = node as Paragraph;
  const image = onlyImage(p);
  if (image) return figure(ctx, image);
  const runs = inlineRuns(ctx, p.children);
  keepWithLines(ctx, runs.map((run) => run.text).join(''), next);
  writeRuns(ctx, runs);
};

/** Markdown headings sit below the section they are in: `#` in a field is one level under the field's heading. */
const headingHandler: BlockHandler = (ctx, node, next) => {
  const h = node as Heading;
  heading(ctx, inlineRuns(ctx, h.children), h.depth + ctx.headingOffset, { keepWith: estimateStart(ctx, next) });
};

const listHandler: BlockHandler = (ctx, node, next) => {
  const l = node as List;
  if (l.children.length === 1) keepWithLines(ctx, toString(l), next, ctx.theme.indent * 1.5);
  const tasks = l.children.some((item) => typeof item.checked === 'boolean');
  list(
    ctx,
    l.children.map((item) => (inner: PdfContext) => renderBlocks(inner, item.children)),
    {
      ordered: Boolean(l.ordered),
      start: l.start ?? 1,
      tight: !l.spread,
      labels: tasks ? l.children.map((item) => (item.checked ? '☑' : item.checked === false ? '☐' : '•')) : undefined,
    },
  );
};

const tableHandler: BlockHandler = (ctx, node) => {
  const t = node as Table;
  const [head, ...body] = t.children.map((row) => row.children.map((cell) => inlineText(ctx, cell.children)));
  table(ctx, { header: head, rows: body, align: t.align ?? undefined }, t);
};

const blockquoteHandler: BlockHandler = (ctx, node) =>
  box(ctx, 'quote', {
    structType: 'BlockQuote',
    render: (inner) => renderBlocks(inner, (node as Blockquote).children),
  });

const codeHandler: BlockHandler = (ctx, node) =>
  box(ctx, 'code', {
    structType: 'Code',
    render: (inner) => paragraph(inner, (node as Code).value, { size: ctx.theme.size.small }),
  });

const footnoteHandler: BlockHandler = (ctx, node) => {
  const f = node as FootnoteDefinition;
  box(ctx, 'plain', {
    structType: 'Note',
    label: `[${f.label ?? f.identifier}]`,
    render: (inner) => renderBlocks(inner, f.children),
  });
};

/** Block handlers keyed by mdast node type (directives are in directives.ts). */
export const blockHandlers: Record<string, BlockHandler> = {
  paragraph: paragraphHandler,
  heading: headingHandler,
  list: listHandler,
  table: tableHandler,
  blockquote: blockquoteHandler,
  code: codeHandler,
  thematicBreak: (ctx: PdfContext) => rule(ctx),
  footnoteDefinition: footnoteHandler,
  // Not content: link definitions and front matter.
  definition: ignore,
  yaml: ignore,
};
