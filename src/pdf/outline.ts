import type { Block } from '../documents/outline.ts';
import { answerLines } from './answer-lines.ts';
import { box } from './callouts.ts';
import { helpSection } from './help.ts';
import { gap } from './layout.ts';
import { renderField } from './render-markdown.ts';
import {
  bullets,
  contentGuidanceBox,
  keywordsTable,
  labelled,
  quiz,
  section,
  sourcesList,
  subsection,
  titleBlock,
} from './sections.ts';
import { table } from './tables.ts';
import { paragraph } from './text.ts';
import type { PdfContext } from './types.ts';

/** Draw one block of a document's outline (src/documents) with pdfkit; the Word renderer walks the same list. */
function drawBlock(ctx: PdfContext, block: Block): void {
  const { theme } = ctx;
  switch (block.type) {
    case 'title':
      return titleBlock(ctx, block.kicker, block.title, [...block.facts]);
    case 'name-line':
      paragraph(ctx, 'Name', { face: 'bold' });
      answerLines(ctx, 1);
      return gap(ctx);
    case 'labelled':
      return labelled(ctx, block.label, block.text);
    case 'section':
      return block.keepWith ? section(ctx, block.title, block.keepWith) : section(ctx, block.title);
    case 'subsection':
      return subsection(ctx, block.title);
    case 'paragraph':
      return paragraph(ctx, block.text);
    case 'note':
      return paragraph(ctx, block.text, { colour: theme.colours.muted });
    case 'gap':
      return gap(ctx, block.size === undefined ? theme.blockGap : theme.blockGap * block.size);
    case 'field':
      return renderField(ctx, block.field, block.name);
    case 'keywords':
      return keywordsTable(ctx, ctx.run.lesson, [...block.header]);
    case 'quiz':
      return quiz(ctx, ctx.run.lesson, block.questions, { answers: block.answers });
    case 'bullets':
      return bullets(ctx, block.items);
    case 'table':
      return table(ctx, {
        header: [...block.header],
        rows: block.rows.map((row) => [...row]),
        weights: [...block.weights],
      });
    case 'content-guidance':
      return contentGuidanceBox(ctx, ctx.run.lesson);
    case 'staff-box':
      return box(ctx, 'staff', { label: block.label, render: (inner) => renderField(inner, block.field, block.name) });
    case 'help':
      return helpSection(ctx, block.audience, block.label);
    case 'sources':
      return sourcesList(ctx, block.sources);
  }
}

/** Draw a document's outline, block by block. */
export function drawOutline(ctx: PdfContext, blocks: readonly Block[]): void {
  for (const block of blocks) drawBlock(ctx, block);
}
