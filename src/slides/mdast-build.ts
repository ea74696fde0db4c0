import type { BlockContent, List, ListItem, Paragraph, PhrasingContent, RootContent, Strong, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';

/**
 * Small constructors for the mdast nodes the deck builder makes itself (title,
 * ground rules, quiz and help slides), so every renderer meets the same node
 * types it meets in a lesson's own fields.
 */
export const text = (value: string): Text => ({ type: 'text', value });

export const strong = (value: string): Strong => ({ type: 'strong', children: [text(value)] });

export const paragraph = (...children: (PhrasingContent | string)[]): Paragraph => ({
  type: 'paragraph',
  children: children.map((child) => (typeof child === 'string' ? text(child) : child)),
});

export const listItem = (...children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children });

/** A bullet list with one paragraph per item. */
export const list = (items: (Paragraph | string)[], ordered = false): List => ({
  type: 'list',
  ordered,
  spread: false,
  children: items.map((item) => listItem(typeof item === 'string' ? paragraph(item) : item)),
});

/** A `:signpost[id]` node, as the markdown pipeline makes it, for the renderers' signpost handlers. */
export const signpost = (id: string): TextDirective => ({
  type: 'textDirective',
  name: 'signpost',
  attributes: {},
  children: [text(id)],
  data: { signpostId: id } as TextDirective['data'],
});

/** Content nodes as a new array, so a deck never shares an array with the lesson. */
export const blocks = (nodes: readonly RootContent[] | undefined): RootContent[] => [...(nodes ?? [])];
