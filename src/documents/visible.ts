import type { RootContent } from 'mdast';
import 'mdast-util-directive';
import type { Audience, Lesson, MarkdownField } from '../lesson/types.ts';
import type { Reader } from './outline.ts';

/**
 * Whether a reader sees a block: participants never see `:::teacher` notes,
 * and nobody sees link definitions or front matter, which are not content.
 * The renderers' handler maps draw nothing for exactly these.
 */
export function visibleTo(node: RootContent, reader: Reader): boolean {
  if (node.type === 'definition' || node.type === 'yaml') return false;
  return !(reader === 'participant' && node.type === 'containerDirective' && node.name === 'teacher');
}

/**
 * True when a field has something to show this reader (a field of only
 * `:::teacher` notes has nothing for pupils). A field whose tree is not a tree
 * (which the loader never makes) counts as content, so that the renderer
 * meets it and its diagnostic names the field.
 */
export function hasContentFor(field: MarkdownField | undefined, reader: Reader): field is MarkdownField {
  if (!field) return false;
  const children = field.tree?.children as MarkdownField['tree']['children'] | null | undefined;
  return !Array.isArray(children) || children.some((node) => visibleTo(node, reader));
}

/**
 * Whom a document's reader is, for words that differ by audience (a help
 * service's description): staff documents are for adults; a participant's
 * document is for the lesson's audience (pupils, or an adult session's).
 */
export function readerAudience(reader: Reader, lesson: Pick<Lesson, 'audience'>): Audience {
  return reader === 'staff' ? 'staff' : lesson.audience;
}
