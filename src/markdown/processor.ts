import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkPsheDirectives from './directives-plugin.ts';
import remarkPsheSafety from './safety-plugin.ts';

declare module 'vfile' {
  interface DataMap {
    signposts: { id: string; node: TextDirective }[];
    images: { url: string; node: unknown }[];
  }
}

/** The one markdown processor: parse, GFM, directives, and our checks. Frozen, built once. */
export const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkPsheDirectives)
  .use(remarkPsheSafety)
  .freeze();

/** Parse one markdown field; messages land on the returned file. */
export function parseMarkdown(source: string): { tree: Root; file: VFile } {
  const file = new VFile({ value: source });
  const tree = markdownProcessor.parse(file);
  markdownProcessor.runSync(tree, file);
  return { tree, file };
}
