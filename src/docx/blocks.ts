import type { Paragraph, Table } from 'docx';
import { HeadingLevel, ImageRun, type IParagraphOptions } from 'docx';
import type { Image, List, Paragraph as MdParagraph, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visibleTo } from '../documents/visible.ts';
import { directiveLabels, splitDirectiveLabel } from '../markdown/directive-labels.ts';
import { paragraph } from './components.ts';
import { inlineChildren, textRun } from './inline.ts';
import { LIST_LEVELS, boxStyleIds, numberedList, textWidth, type BoxStyle } from './styles.ts';
import { isTable, table } from './tables.ts';
import type { DocxBlock, DocxContext, InlineChildren } from './types.ts';

const headings = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A heading at Word's level 1–6 (deeper levels stay at 6). */
export function headingParagraph(text: string | InlineChildren, level: number): Paragraph {
  return paragraph({
    heading: headings[Math.min(Math.max(level, 1), 6) - 1],
    children: typeof text === 'string' ? [textRun(text)] : text,
  });
}

/**
 * Blocks with a small empty paragraph after every table. Word joins two
 * tables that touch into one (a scenario box straight after a discussion
 * box would become one table), a table cell must end with a paragraph, and
 * text straight under a box would otherwise touch it.
 */
export function withSpacers(blocks: readonly DocxBlock[]): DocxBlock[] {
  return blocks.flatMap((block) => (isTable(block) ? [block, paragraph({ style: 'Spacer' })] : [block]));
}

/** Lines to write on (`::lines`, the pupil's name): ruled paragraphs of the Writing line style. */
export function writingLines(count: number): Paragraph[] {
  return Array.from({ length: Math.min(Math.max(count, 1), 99) }, () => paragraph({ style: 'WritingLine' }));
}

/**
 * A box of the PDFs (a scenario, a staff note, a help panel): a one-cell table
 * of the box's own table style, holding a label and any blocks, so it moves and
 * edits as one piece and screen readers meet it in reading order.
 */
export function box(ctx: DocxContext, style: BoxStyle, label: InlineChildren | undefined, body: DocxBlock[]): Table {
  const children = withSpacers([
    ...(label?.length ? [paragraph({ style: 'BoxLabel', children: label })] : []),
    ...body,
  ]);
  return table({
    style: boxStyleIds[style].id,
    width: textWidth,
    columnWidths: [textWidth],
    rows: [{ cells: [children.length ? children : [paragraph({})]] }],
  });
}

/** A table with a header row that repeats on every page, in the Lesson table style. */
export function lessonTable(
  header: readonly (string | InlineChildren)[],
  rows: readonly (readonly (string | InlineChildren)[])[],
  weights?: readonly number[],
): Table {
  const columns = Math.max(header.length, ...rows.map((row) => row.length), 1);
  const shares = Array.from({ length: columns }, (_, index) => weights?.[index] ?? 1);
  const total = shares.reduce((sum, share) => sum + share, 0);
  const widths = shares.map((share) => Math.floor((textWidth * share) / total));
  const cell = (content: string | InlineChildren | undefined, bold = false) => [
    paragraph({
      children: typeof content === 'string' || content === undefined ? [textRun(content ?? '', { bold })] : content,
    }),
  ];
  const row = (cells: readonly (string | InlineChildren)[], header = false) => ({
    header,
    cantSplit: true,
    cells: Array.from({ length: columns }, (_, index) => cell(cells[index], header)),
  });
  return table({
    style: 'LessonTable',
    width: textWidth,
    columnWidths: widths,
    rows: [row(header, true), ...rows.map((cells) => row(cells))],
  });
}

type Handler = (ctx: DocxContext, node: RootContent) => DocxBlock[];

/** A paragraph that holds only an image is a figure. */
const onlyImage = (node: MdParagraph): Image | undefined => {
  const content = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  return content.length === 1 && content[0].type === 'image' ? content[0] : undefined;
};

/** The largest an image is drawn: the text column's width, and its own size at 96 pixels to the inch. */
const MAX_WIDTH_PX = Math.floor((textWidth / 1440) * 96);
const MAX_HEIGHT_PX = 480;

/** An image with its description as alt text; one that cannot be read leaves its description in its place. */
function figure(ctx: DocxContext, node: Image): DocxBlock[] {
  const alt = node.alt?.trim() || '';
  const { image } = ctx.readImage(node.url);
  if (!image) {
    return [paragraph({ children: [textRun(`[Image: ${alt || 'no description'}]`, { italics: true })] })];
  }
  const scale = Math.min(MAX_WIDTH_PX / image.width, MAX_HEIGHT_PX / image.height, 1);
  const blocks: DocxBlock[] = [
    paragraph({
      keepNext: Boolean(node.title),
      children: [
        new ImageRun({
          type: image.type === 'png' ? 'png' : 'jpg',
          data: image.bytes,
          transformation: {
            width: Math.max(1, Math.round(image.width * scale)),
            height: Math.max(1, Math.round(image.height * scale)),
          },
          altText: { name: alt || 'Image', description: alt || 'Image', title: alt || 'Image' },
        }),
      ],
    }),
  ];
  if (node.title) blocks.push(paragraph({ style: 'Caption', children: [textRun(node.title)] }));
  return blocks;
}

/** The paragraph style for blocks inside a list item after its first paragraph. */
const continued = (ctx: DocxContext): Partial<IParagraphOptions> =>
  ctx.listLevel ? { style: 'ListContinue', indent: { left: 360 * ctx.listLevel } } : {};

function listBlocks(ctx: DocxContext, node: List): DocxBlock[] {
  const level = ctx.listLevel;
  const ordered = Boolean(node.ordered);
  const start = node.start ?? 1;
  // Each numbered list is a list of its own, counting from its own start ("2. Why…" after some lines stays 2).
  const reference = ordered ? (start === 1 ? 'numbers' : numberedList(`numbers-from-${start}`, start)) : 'bullets';
  const instance = ordered ? ctx.nextList.value++ : 0;
  const inner: DocxContext = { ...ctx, listLevel: level + 1 };
  return node.children.flatMap((item) => {
    const box = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
    const [first, ...rest] = item.children;
    const lead: DocxBlock[] =
      first?.type === 'paragraph'
        ? [
            paragraph({
              style: ordered ? 'ListNumber' : 'ListBullet',
              numbering: { reference, level: Math.min(level, LIST_LEVELS - 1), instance, custom: true },
              children: [...(box ? [textRun(box)] : []), ...inlineChildren(ctx, first.children)],
            }),
          ]
        : [
            paragraph({
              style: ordered ? 'ListNumber' : 'ListBullet',
              numbering: { reference, level: Math.min(level, LIST_LEVELS - 1), instance, custom: true },
              children: box ? [textRun(box)] : [],
            }),
            ...(first ? blocksOf(inner, [first]) : []),
          ];
    return [...lead, ...blocksOf(inner, rest)];
  });
}

function tableBlocks(ctx: DocxContext, node: MdTable): DocxBlock[] {
  const [head, ...body] = node.children.map((row) =>
    row.children.map((cell) => inlineChildren(ctx, cell.children as PhrasingContent[])),
  );
  return [lessonTable(head ?? [], body)];
}

/** A container directive as a box with its label in words (never colour alone), as in the PDFs. */
const callout =
  (style: BoxStyle, words: (node: ContainerDirective) => string): Handler =>
  (ctx, node) => {
    const directive = node as ContainerDirective;
    const { label, body } = splitDirectiveLabel(directive);
    const said = words(directive);
    const labelRuns = label
      ? [textRun(`${said}: `, { bold: true }), ...inlineChildren(ctx, label.children, { bold: true })]
      : [textRun(said, { bold: true })];
    return [box(ctx, style, labelRuns, blocksOf({ ...ctx, listLevel: 0 }, body))];
  };

const containerDirectives: Record<string, Handler> = {
  teacher: callout('staff', directiveLabels.teacher),
  scenario: callout('scenario', directiveLabels.scenario),
  discuss: callout('discuss', directiveLabels.discuss),
  warning: callout('warning', directiveLabels.warning),
};

/** Block handlers keyed by mdast node type, as the PDF's (src/pdf/handlers/blocks.ts). */
const handlers: Record<string, Handler> = {
  paragraph: (ctx, node) => {
    const p = node as MdParagraph;
    const image = onlyImage(p);
    if (image) return figure(ctx, image);
    return [paragraph({ ...continued(ctx), children: inlineChildren(ctx, p.children) })];
  },
  // Markdown headings sit below the heading they are under, with no level skipped (`fieldBlocks`).
  heading: (ctx, node) => {
    const h = node as { depth: number; children: PhrasingContent[] };
    return [headingParagraph(inlineChildren(ctx, h.children), ctx.headingLevels?.get(h.depth) ?? h.depth + 1)];
  },
  list: (ctx, node) => listBlocks(ctx, node as List),
  table: (ctx, node) => tableBlocks(ctx, node as MdTable),
  blockquote: (ctx, node) => [
    box(ctx, 'quote', undefined, blocksOf(ctx, (node as { children: RootContent[] }).children)),
  ],
  code: (ctx, node) => [
    box(
      ctx,
      'code',
      undefined,
      (node as { value: string }).value.split('\n').map((line) => paragraph({ children: [textRun(line)] })),
    ),
  ],
  thematicBreak: () => [paragraph({ thematicBreak: true })],
  footnoteDefinition: (ctx, node) => {
    const f = node as { label?: string; identifier: string; children: RootContent[] };
    return [box(ctx, 'plain', [textRun(`[${f.label ?? f.identifier}]`, { bold: true })], blocksOf(ctx, f.children))];
  },
  containerDirective: (ctx, node) => {
    const handler = containerDirectives[(node as ContainerDirective).name];
    return handler ? handler(ctx, node) : [paragraph({ children: [textRun(toString(node))] })];
  },
  leafDirective: (_ctx, node) => {
    const directive = node as LeafDirective;
    if (directive.name === 'lines') return writingLines(Number(directive.attributes?.count ?? 3) || 3);
    return [paragraph({ children: [textRun(toString(node))] })];
  },
  // Raw HTML is never printed.
  html: () => [],
};

/** Block mdast content as Word paragraphs and tables, for this reader (participants never see `:::teacher`). */
export function blocksOf(ctx: DocxContext, nodes: readonly RootContent[]): DocxBlock[] {
  return nodes
    .filter((node) => visibleTo(node, ctx.reader))
    .flatMap((node) =>
      (handlers[node.type] ?? ((c, n) => [paragraph({ ...continued(c), children: [textRun(toString(n))] })]))(
        ctx,
        node,
      ),
    );
}

/** The depths of the markdown headings in a tree, shallowest first. */
function headingDepths(nodes: readonly RootContent[], found = new Set<number>()): Set<number> {
  for (const node of nodes) {
    if (node.type === 'heading') found.add(node.depth);
    if ('children' in node && Array.isArray(node.children)) headingDepths(node.children as RootContent[], found);
  }
  return found;
}

/**
 * A lesson field as Word blocks. Its headings go one level under the
 * outline's heading they follow, and its depths are closed up: a field whose
 * only heading is `###` under a section gives a Heading 2, not a Heading 4,
 * so a screen reader's list of headings never skips a level.
 */
export function fieldBlocks(ctx: DocxContext, nodes: readonly RootContent[]): DocxBlock[] {
  const depths = [...headingDepths(nodes)].sort((a, b) => a - b);
  const headingLevels = new Map(depths.map((depth, rank) => [depth, ctx.outlineLevel.value + 1 + rank]));
  return blocksOf({ ...ctx, headingLevels }, nodes);
}
