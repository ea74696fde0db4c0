import { signpostIdOf } from '../markdown/signpost-id.ts';
import type { List, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Library } from '../lesson/types.ts';
import { signpostLine } from '../slides/index.ts';

/**
 * Presenter notes as plain lines: PowerPoint's notes pane holds paragraphs of
 * text, so lists become "•" lines and help services their name and contact.
 */
export function notesText(nodes: readonly RootContent[], library: Library): string {
  return nodes
    .flatMap((node) => blockLines(node, library, ''))
    .join('\n')
    .trim();
}

function inline(nodes: readonly PhrasingContent[], library: Library): string {
  return nodes
    .map((node) => {
      if (node.type === 'textDirective' && node.name === 'signpost') {
        const id = signpostIdOf(node);
        return signpostLine(id, library);
      }
      if (node.type === 'break') return ' ';
      if (node.type === 'link') return `${inline(node.children, library)} (${node.url})`;
      if ('children' in node) return inline(node.children as PhrasingContent[], library);
      return 'value' in node ? node.value.replace(/\s*\n\s*/g, ' ') : '';
    })
    .join('');
}

function listLines(node: List, library: Library, indent: string): string[] {
  return node.children.flatMap((item, index) => {
    const marker = node.ordered ? `${(node.start ?? 1) + index}.` : '•';
    const [first, ...rest] = (item.children as RootContent[]).flatMap((child) =>
      blockLines(child, library, `${indent}  `),
    );
    return first === undefined ? [] : [`${indent}${marker} ${first.trimStart()}`, ...rest];
  });
}

function blockLines(node: RootContent, library: Library, indent: string): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return [`${indent}${inline(node.children, library)}`];
    case 'list':
      return listLines(node, library, indent);
    case 'table':
      return node.children.map(
        (row) => `${indent}${row.children.map((cell) => inline(cell.children, library)).join(' | ')}`,
      );
    case 'code':
      return node.value.split('\n').map((line) => `${indent}${line}`);
    case 'containerDirective': {
      const label = { warning: 'Content note:', scenario: 'Scenario:', discuss: 'Discuss:' }[node.name];
      const lines = (node.children as RootContent[]).flatMap((child) => blockLines(child, library, indent));
      return label ? [`${indent}${label}`, ...lines] : lines;
    }
    case 'blockquote':
    case 'footnoteDefinition':
      return (node.children as RootContent[]).flatMap((child) => blockLines(child, library, indent));
    case 'leafDirective':
    case 'thematicBreak':
    case 'definition':
    case 'html':
      return [];
    default:
      return [`${indent}${toString(node)}`];
  }
}
