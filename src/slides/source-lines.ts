import type { Node } from 'unist';
import type { Lesson } from '../lesson/types.ts';

export interface At {
  line: number;
  column: number;
}

/** Where a node starts in the YAML file (the loader already mapped markdown positions there). */
export function atNode(node: Node | undefined): At | undefined {
  const start = node?.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

/**
 * The first line at or after `from` (1-based) holding `key:` followed by
 * `value`, for YAML nodes that have no markdown tree to carry a position
 * (a slide's `title`, a quiz question). A plain search of the text the loader
 * kept, not a second parse; a value the search cannot find gives undefined.
 */
export function findKeyLine(lesson: Lesson, key: string, value = '', from = 1): At | undefined {
  const lines = lesson.yamlSource.split('\n');
  for (let index = Math.max(0, from - 1); index < lines.length; index++) {
    const text = lines[index];
    const keyAt = text.indexOf(`${key}:`);
    if (keyAt < 0 || !text.slice(keyAt).includes(value)) continue;
    // The column of the node: its `- ` when it is a list item, else the key.
    return { line: index + 1, column: text.length - text.trimStart().length + 1 };
  }
  return undefined;
}
