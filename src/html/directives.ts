import { directiveLabels, splitDirectiveLabel } from '../markdown/directive-labels.ts';
import { signpostIdOf } from '../markdown/signpost-id.ts';
import type { ElementContent } from 'hast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { State } from 'mdast-util-to-hast';
import type { RenderContext } from './context.ts';
import { htmlClasses } from './schema.ts';
import { findSignpost, signpostInline } from './signpost.ts';
import { h, t, visuallyHidden } from './text.ts';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** Turns one directive into hast; `undefined` drops it. */
export type DirectiveHandler = (
  state: State,
  node: Directive,
  context: RenderContext,
) => ElementContent | ElementContent[] | undefined;

/** Dropped on purpose (such as `:::teacher` in the pupil view). */
export const ignore: DirectiveHandler = () => undefined;

/** The directive's content, without any label paragraph remark-directive made from `[label]`. */
function body(state: State, node: Directive): ElementContent[] {
  const children = node.type === 'containerDirective' ? splitDirectiveLabel(node).body : node.children;
  return state.all({ ...node, children } as Directive);
}

function callout(kind: 'discuss' | 'warning', label: string): DirectiveHandler {
  return (state, node) =>
    h('div', { className: ['callout', `callout-${kind}`], role: 'note', ariaLabel: label }, [
      h('p', { className: ['callout-label'] }, [t(label)]),
      ...state.wrap(body(state, node), true),
    ]);
}

/**
 * A staff-only note, shown only in the teacher view. A note (`role="note"`),
 * as the callouts are, not an `<aside>`: a lesson has several, and each would
 * be one more landmark of the same name in a screen reader's list.
 */
const teacherNote: DirectiveHandler = (state, node) =>
  h('div', { className: ['teacher-note'], role: 'note', ariaLabel: 'Teacher note' }, [
    h('p', { className: ['callout-label'] }, [t('Teacher note')]),
    ...state.wrap(body(state, node), true),
  ]);

/** A fictional case study, boxed, with the character's name as its caption. */
const scenario: DirectiveHandler = (state, node) => {
  return h('figure', { className: ['scenario'] }, [
    h('figcaption', {}, [t(directiveLabels.scenario(node))]),
    ...state.wrap(body(state, node), true),
  ]);
};

/** Blank ruled lines to write on; screen readers hear how many. */
const lines: DirectiveHandler = (_state, node, context) => {
  const raw = node.attributes?.count ?? '3';
  let count = Number.parseInt(raw, 10);
  if (!Number.isInteger(count) || count < 1 || count > 99) {
    context.report(node, `\`::lines{count=${raw}}\` needs a whole number from 1 to 99; 3 lines are shown instead.`);
    count = 3;
  }
  const noun = count === 1 ? 'line' : 'lines';
  // The teacher reads the plan, not writes on it: a short note says what the handout gives pupils.
  if (context.view === 'teacher') {
    return h('p', { className: [htmlClasses.linesNote] }, [t(`Pupils write here (${count} ${noun})`)]);
  }
  const ruled = Array.from({ length: count }, () => h('span', { className: ['answer-line'], ariaHidden: 'true' }));
  return h('div', { className: ['answer-lines'] }, [
    visuallyHidden(`Space to write your answer (${count} ${noun}).`),
    ...ruled,
  ]);
};

/** A help service by id: its name and how to reach it. */
const signpost: DirectiveHandler = (_state, node, context) => {
  const id = signpostIdOf(node);
  const service = findSignpost(context.library, id);
  if (!service) {
    context.report(node, `Unknown help service \`${id}\`: add it to signposts.yaml or the school's localServices.`);
    return t(id);
  }
  return signpostInline(service);
};

const shared: Record<string, DirectiveHandler> = {
  scenario,
  discuss: callout('discuss', directiveLabels.discuss()),
  warning: callout('warning', directiveLabels.warning()),
  lines,
  signpost,
};

/** Directive handlers by view, keyed by directive name (design.md, directive table). */
export const directiveHandlers: Record<RenderContext['view'], Record<string, DirectiveHandler>> = {
  teacher: { ...shared, teacher: teacherNote },
  pupil: { ...shared, teacher: ignore },
};
