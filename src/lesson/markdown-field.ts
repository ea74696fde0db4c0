import type { Root } from 'mdast';
import { z } from 'zod';
import { limits } from '../limits.ts';

/**
 * A markdown field of a lesson after loading: the text as written and its
 * mdast tree, parsed once by the loader with positions in the YAML file.
 * Renderers read `tree`; nothing downstream parses `source` again.
 */
export interface MarkdownField {
  readonly source: string;
  tree: Root;
}

const created = new WeakSet<object>();

/** True for objects made by {@link markdown} during validation in this thread. */
export function isMarkdownField(value: unknown): value is MarkdownField {
  return typeof value === 'object' && value !== null && created.has(value);
}

/**
 * Zod type for a markdown field: a string in the YAML (and in the JSON
 * Schema), a {@link MarkdownField} in the validated model. The tree is empty
 * until the loader parses it, which it does for every field it finds.
 */
export function markdown() {
  return z
    .string()
    .max(limits.markdownLength.value)
    .meta({ description: 'Markdown (remark-directive syntax for :::teacher, :::scenario, …)' })
    .transform((source): MarkdownField => {
      const field: MarkdownField = { source, tree: { type: 'root', children: [] } };
      created.add(field);
      return field;
    });
}
