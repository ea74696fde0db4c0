import { directiveLabels, splitDirectiveLabel } from '../../markdown/directive-labels.ts';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { answerLines } from '../answer-lines.ts';
import { box } from '../callouts.ts';
import type { BoxKind } from '../callouts.ts';
import { ignore, renderBlocks } from '../render-markdown.ts';
import type { BlockHandler, Run } from '../types.ts';
import { inlineRuns } from './inline.ts';

/** A container directive drawn as a box with a label in words (never colour alone). */
const callout =
  (kind: BoxKind, label: (node: ContainerDirective) => string): BlockHandler =>
  (ctx, node) => {
    const directive = node as ContainerDirective;
    const { label: own, body } = splitDirectiveLabel(directive);
    const words = label(directive);
    const runs: Run[] = own
      ? [{ text: `${words}: `, face: 'bold' }, ...inlineRuns(ctx, own.children, { face: 'bold' })]
      : [{ text: words, face: 'bold' }];
    box(ctx, kind, { label: runs, render: (inner) => renderBlocks(inner, body) });
  };

/** Container directives for staff documents (plan, DSL briefing, presenter notes). */
export const staffContainerDirectives: Record<string, BlockHandler> = {
  teacher: callout('staff', directiveLabels.teacher),
  scenario: callout('scenario', directiveLabels.scenario),
  discuss: callout('discuss', directiveLabels.discuss),
  warning: callout('warning', directiveLabels.warning),
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
