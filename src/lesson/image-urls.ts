import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import { markdownFieldsOf } from './characters.ts';
import type { Lesson } from './types.ts';

/** The address of every image a loaded lesson shows, each once, in the order its fields hold them. */
export function imageUrlsOf(lesson: Lesson): string[] {
  const urls = new Set<string>();
  for (const field of markdownFieldsOf(lesson)) {
    visit(field.tree, 'image', (node: Image) => {
      urls.add(node.url);
    });
  }
  return [...urls];
}
