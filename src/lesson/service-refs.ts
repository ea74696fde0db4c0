import type { TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { signpostIdOf } from '../markdown/signpost-id.ts';
import { markdownFieldsOf } from './characters.ts';
import type { Lesson } from './types.ts';

/**
 * The help services a loaded lesson points to, each once: its `signposts`
 * list and every `:signpost[id]` in its text. The loader checks each as it is
 * written (`checkSignpostRefs`, located); the browser's `/personalise/` page
 * checks them again against a school profile it was given, whose local
 * services may not be the library's.
 */
export function serviceIdsOf(lesson: Lesson): string[] {
  const ids = new Set(lesson.signposts ?? []);
  for (const field of markdownFieldsOf(lesson)) {
    visit(field.tree, 'textDirective', (node: TextDirective) => {
      if (node.name === 'signpost') ids.add(signpostIdOf(node));
    });
  }
  return [...ids];
}
