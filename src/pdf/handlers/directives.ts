import type { Paragraph, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { answerLines } from '../answer-lines.ts';
import { box } from '../callouts.ts';
import type { BoxKind } from '../callouts.ts';
import { ignore, renderBlocks } from '../render-markdown.ts';
import type { BlockHandler, Run } from '../types.ts';
import { inlineRuns } from './inline.ts';

/** `:::discuss[Why?]` puts its label in a first paragraph marked `directiveLabel`. */
function splitLabel(node: ContainerDirective): { label?: Paragraph; body: RootContent[] } {
  const [first, ...rest] = node.children;
  if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
    return { label: first, body: rest };
  }
  return { body: node.children };
}

/** A container directive drawn as a box with a label in words (never colour alone). */
const callout =
  (kind: BoxKind, label: (node: ContainerDirective) => string): BlockHandler =>
  (ctx, node) => {
    const directive = node as ContainerDirective;
    const { label: own, body } = splitLabel(directive);
    const words = label(directive);
    const runs: Run[] = own
      ? [{ text: `${words}: `, face: 'bold' }, ...inlineRuns(ctx, own.children, { face: 'bold' })]
      : [{ text: words, face: 'bold' }];
    box(ctx, kind, { label: runs, render: (inner) => renderBlocks(inner, body) });
  };

const scenarioName = (node: ContainerDirective) => node.attributes?.name?.trim();

/** Container directives for staff documents (plan, DSL briefing, presenter notes). */
export const staffContainerDirectives: Record<string, BlockHandler> = {
  teacher: callout('staff', () => 'For staff'),
  scenario: callout('scenario', (node) => (scenarioName(node) ? `Scenario: ${scenarioName(node)}` : 'Scenario')),
  discuss: callout('discuss', () => 'Discuss'),
  warning: callout('warning', () => 'Content note'),
};

/** Container directives for participant documents (handouts, slides): staff-only notes are left out on purpose. */
export const participantContainerDirectives: Record<string, BlockHandler> = {
  ...staffContainerDirectives,
  teacher: ignore,
};

/** Leaf directives: `::lines{count=4}`, space to write. */
export const leafDirectives: Record<string, BlockHandler> = {
  lines: (ctx, node) => answerLines(ctx, Number((node as LeafDirective).attributes?.count ?? 3)),
};
