import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkPsheDirectives from './directives-plugin.ts';
import { checkTree, prescanMarkdown, tooManyEmphasisMarks } from './limits.ts';
import type { LimitProblem } from './limits.ts';
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

function report(file: VFile, problem: LimitProblem) {
  file.message(problem.reason, { line: problem.line, column: problem.column }).ruleId = problem.ruleId;
}

/**
 * Parse one markdown field; messages land on the returned file. The limits
 * (`limits.ts`, `./limits.ts`) are checked on the text first: a field far too
 * deep or too large to handle gives an empty tree and its message, and is
 * not parsed. Then exactly on the tree, which is kept.
 */
export function parseMarkdown(source: string): { tree: Root; file: VFile } {
  const file = new VFile({ value: source });
  const empty: Root = { type: 'root', children: [] };
  const early = tooManyEmphasisMarks(source) ?? prescanMarkdown(source);
  if (early) {
    report(file, early);
    return { tree: empty, file };
  }
  const tree = markdownProcessor.parse(file);
  for (const problem of checkTree(tree)) report(file, problem);
  markdownProcessor.runSync(tree, file);
  return { tree, file };
}
