import type { Parent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';

/** What a block list holds for a slide: what the audience sees, and what only the presenter sees. */
export interface Separated {
  body: RootContent[];
  notes: RootContent[];
}

const isDirective = (node: RootContent, name: string): node is ContainerDirective =>
  node.type === 'containerDirective' && node.name === name;

/**
 * Take `:::teacher` blocks out of a block list, at any depth, into notes (their
 * children, unwrapped), and drop `::lines` (answer space means nothing on a
 * slide, design.md directive table). The body never holds teacher content.
 */
export function separateTeacher(nodes: readonly RootContent[]): Separated {
  const body: RootContent[] = [];
  const notes: RootContent[] = [];
  for (const node of nodes) {
    if (isDirective(node, 'teacher')) {
      notes.push(...node.children);
      continue;
    }
    if (node.type === 'leafDirective' && node.name === 'lines') continue;
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && isBlockParent(node)) {
      const inner = separateTeacher(node.children as RootContent[]);
      notes.push(...inner.notes);
      body.push({ ...node, children: inner.body } as RootContent);
      continue;
    }
    body.push(node);
  }
  return { body, notes };
}

/** Parents whose children are blocks, where a teacher block could hide. */
function isBlockParent(node: RootContent): node is RootContent & Parent {
  return (
    node.type === 'blockquote' ||
    node.type === 'list' ||
    node.type === 'listItem' ||
    node.type === 'footnoteDefinition' ||
    node.type === 'containerDirective'
  );
}

/** True for the directives that get a slide of their own (design.md: scenario and discuss). */
export const isOwnSlideDirective = (node: RootContent): node is ContainerDirective =>
  isDirective(node, 'scenario') || isDirective(node, 'discuss');
