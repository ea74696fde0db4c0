import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown/processor.ts';

export {
  disclosureTemplate,
  invitationLetterTemplate,
  parentLetterTemplate,
  type DisclosureTemplate,
  type InvitationLetterTemplate,
  type ParentLetterTemplate,
} from '../lesson/templates.ts';

const parsed = new Map<string, Root>();

/**
 * A template text as mdast, with `{placeholders}` filled. Values go into text
 * nodes after parsing, so a school name with `*` or `[` is printed as written.
 */
export function fillTemplate(text: string, values: Record<string, string>): RootContent[] {
  let tree = parsed.get(text);
  if (!tree) {
    tree = parseMarkdown(text).tree;
    // Positions would point into the template, not the lesson file that diagnostics name.
    visit(tree, (node) => {
      delete node.position;
    });
    parsed.set(text, tree);
  }
  const copy = structuredClone(tree);
  visit(copy, 'text', (node) => {
    node.value = node.value.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  });
  return copy.children;
}
