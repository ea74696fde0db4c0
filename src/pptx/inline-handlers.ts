import { signpostIdOf } from '../markdown/signpost-id.ts';
import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { contactPhrases, contactStyles, findService } from '../lesson/help.ts';
import type { Run, RunOptions, State } from './types.ts';

type InlineHandler = (state: State, node: never, marks: RunOptions) => Run[];

const run = (text: string, options: RunOptions): Run => ({ text, options: { ...options } });

/** Inline content → text runs; formatting is carried down in `marks`. */
export function inlineRuns(state: State, nodes: readonly PhrasingContent[], marks: RunOptions): Run[] {
  return nodes.flatMap((node) => {
    const handler = inlineHandlers[node.type] as InlineHandler | undefined;
    if (handler) return handler(state, node as never, marks);
    state.report(node, `Unexpected inline \`${node.type}\` on a slide; it is shown as plain text.`);
    return [run(toString(node), marks)];
  });
}

const children = (state: State, node: { children: PhrasingContent[] }, marks: RunOptions) =>
  inlineRuns(state, node.children, marks);

/** `:signpost[id]`: the service's name in bold, then how to reach it (the web address as a link). */
function signpostRuns(state: State, node: PhrasingContent & { type: 'textDirective' }, marks: RunOptions): Run[] {
  if (node.name !== 'signpost') {
    state.report(node, `Unexpected directive \`:${node.name}\` on a slide; its text is shown as written.`);
    return children(state, node, marks);
  }
  const id = signpostIdOf(node);
  const service = findService(state.library, id);
  if (!service) {
    state.report(node, `Unknown help service \`${id}\`; the id is shown instead of its name and contact.`);
    return [run(id, marks)];
  }
  const runs: Run[] = [run(service.name, { ...marks, bold: true })];
  const contacts = contactPhrases(service, contactStyles.slides);
  if (!contacts.length) return runs;
  runs.push(run(': ', marks));
  contacts.forEach(({ contact, words }, index) => {
    if (index > 0) runs.push(run(contactStyles.slides.separator, marks));
    const isUrl = contact.kind === 'url';
    runs.push(run(words, isUrl ? { ...marks, hyperlink: { url: contact.value, tooltip: service.name } } : marks));
  });
  return runs;
}

/**
 * One handler a phrasing node type (mdast-util-to-hast's shape). Nodes dropped
 * on purpose map to an explicit empty result; anything else reports.
 */
export const inlineHandlers: Partial<Record<PhrasingContent['type'], InlineHandler>> = {
  text: (_state, node: { value: string }, marks) => [run(node.value.replace(/\s*\n\s*/g, ' '), marks)],
  strong: (state, node: { children: PhrasingContent[] }, marks) => children(state, node, { ...marks, bold: true }),
  emphasis: (state, node: { children: PhrasingContent[] }, marks) => children(state, node, { ...marks, italic: true }),
  delete: (state, node: { children: PhrasingContent[] }, marks) =>
    children(state, node, { ...marks, strike: 'sngStrike' }),
  inlineCode: (state, node: { value: string }, marks) => [run(node.value, { ...marks, fontFace: state.theme.mono })],
  link: (state, node: { url: string; children: PhrasingContent[] }, marks) =>
    children(state, node, { ...marks, hyperlink: { url: node.url } }),
  // A hard break: the next run starts on a new line of the same paragraph.
  break: (_state, _node, marks) => [run('', { ...marks, softBreakBefore: true })],
  image: (_state, node: { alt?: string | null }, marks) => [
    run(`[Image: ${node.alt ?? ''}]`, { ...marks, italic: true }),
  ],
  footnoteReference: (_state, node: { identifier: string }, marks) => [
    run(`[${node.identifier}]`, { ...marks, superscript: true }),
  ],
  textDirective: signpostRuns as InlineHandler,
  // Raw HTML is an error at load (design.md); nothing reaches a slide.
  html: () => [],
};
