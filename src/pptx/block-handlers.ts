import { directiveLabels as labels } from '../markdown/directive-labels.ts';
import type { List, PhrasingContent, RootContent, Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { inlineRuns } from './inline-handlers.ts';
import type { Context, Run, RunOptions, State } from './types.ts';

/** One paragraph of a text box: its runs, and the paragraph's own options (bullet, level, spacing). */
export interface Para {
  runs: Run[];
  options: RunOptions;
}

type BlockHandler = (state: State, node: never, context: Context) => Para[];

const para = (runs: Run[], options: RunOptions = {}): Para[] => (runs.length ? [{ runs, options }] : []);

/** Block content → paragraphs. Unknown nodes report and fall back to their text. */
export function blockParas(state: State, nodes: readonly RootContent[], context: Context): Para[] {
  return nodes.flatMap((node) => {
    const handler = blockHandlers[node.type] as BlockHandler | undefined;
    if (handler) return handler(state, node as never, context);
    state.report(node, `Unexpected \`${node.type}\` on a slide; it is shown as plain text.`);
    return para([{ text: toString(node), options: { ...context.marks } }]);
  });
}

/** What a boxed directive is called when it sits inside other content (src/markdown/directive-labels.ts). */
export const directiveLabels: Record<string, (node: ContainerDirective) => string> = {
  warning: labels.warning,
  scenario: labels.scenario,
  discuss: labels.discuss,
};

function listParas(state: State, node: List, context: Context): Para[] {
  const bullet: RunOptions['bullet'] = node.ordered ? { type: 'number', numberStartAt: node.start ?? 1 } : true;
  return node.children.flatMap((item) => {
    const inner = blockParas(state, item.children as RootContent[], {
      ...context,
      indentLevel: context.indentLevel + 1,
    });
    // The item's first paragraph carries the bullet; a nested list keeps its own.
    if (inner[0] && !inner[0].options.bullet)
      inner[0].options = { ...inner[0].options, bullet, indentLevel: context.indentLevel };
    return inner;
  });
}

function directiveParas(state: State, node: ContainerDirective, context: Context): Para[] {
  // Staff-only: never on a slide (the deck builder already moved it to the notes).
  if (node.name === 'teacher') return [];
  const label = directiveLabels[node.name];
  if (!label)
    state.report(node, `Unexpected directive \`:::${node.name}\` on a slide; its content is shown without a box.`);
  const heading = label
    ? para([{ text: label(node), options: { ...context.marks, bold: true, color: state.theme.accent } }])
    : [];
  return [...heading, ...blockParas(state, node.children as RootContent[], context)];
}

/** A table inside other content (a list item, a box): its rows as lines, cells split by a bar. */
function inlineTableParas(state: State, node: Table, context: Context): Para[] {
  return node.children.flatMap((row, index) =>
    para(
      row.children.flatMap((cell, column) => [
        ...(column > 0 ? [{ text: ' | ', options: { ...context.marks } }] : []),
        ...inlineRuns(state, cell.children, index === 0 ? { ...context.marks, bold: true } : context.marks),
      ]),
    ),
  );
}

export const blockHandlers: Partial<Record<RootContent['type'], BlockHandler>> = {
  paragraph: (state, node: { children: PhrasingContent[] }, context) =>
    para(inlineRuns(state, node.children, context.marks)),
  heading: (state, node: { children: PhrasingContent[] }, context) =>
    para(
      inlineRuns(state, node.children, { ...context.marks, bold: true, fontSize: Math.round(state.fontSize * 1.15) }),
      {
        paraSpaceBefore: 6,
      },
    ),
  list: listParas as BlockHandler,
  blockquote: (state, node: { children: RootContent[] }, context) =>
    blockParas(state, node.children, { ...context, marks: { ...context.marks, italic: true } }),
  code: (state, node: { value: string }, context) =>
    node.value
      .split('\n')
      .flatMap((line) => para([{ text: line || ' ', options: { ...context.marks, fontFace: state.theme.mono } }])),
  containerDirective: directiveParas as BlockHandler,
  table: inlineTableParas as BlockHandler,
  footnoteDefinition: (state, node: { identifier: string; children: RootContent[] }, context) =>
    blockParas(state, node.children, {
      ...context,
      marks: { ...context.marks, fontSize: Math.round(state.fontSize * 0.75) },
    }),
  // Dropped on purpose: answer lines mean nothing on a slide (design.md), breaks and definitions show nothing.
  leafDirective: (state, node: { name: string; position?: { start: { line: number; column: number } } }) => {
    if (node.name !== 'lines')
      state.report({ type: 'leafDirective', ...node }, `Unexpected directive \`::${node.name}\` on a slide.`);
    return [];
  },
  thematicBreak: () => [],
  definition: () => [],
  html: () => [],
};

/** Paragraphs → the flat run list pptxgenjs takes: paragraph options on the first run, a break after the last. */
export function flattenParas(paras: readonly Para[]): Run[] {
  return paras.flatMap(({ runs, options }) =>
    runs.map((run, index) => ({
      text: run.text,
      options: {
        ...run.options,
        ...(index === 0 ? options : {}),
        ...(index === runs.length - 1 ? { breakLine: true } : {}),
      },
    })),
  );
}
