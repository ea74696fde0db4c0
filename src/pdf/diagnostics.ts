import type { Nodes } from 'mdast';
import { diagnostic } from '../lesson/diagnostic.ts';
import type { Diagnostic } from '../lesson/types.ts';
import type { PdfContext, RenderRun } from './types.ts';

const at = (node: Nodes | undefined) => ({
  line: node?.position?.start.line ?? 1,
  column: node?.position?.start.column ?? 1,
});

/**
 * Content that was placed with a change (shrunk, described, left out): a warning
 * against the lesson file, at the node's line. The PDF is still made.
 */
export function reportNode(ctx: PdfContext, node: Nodes | undefined, message: string): void {
  const field = ctx.run.field ? ` (in \`${ctx.run.field}\`)` : '';
  ctx.run.diagnostics.push(
    diagnostic('render-adjusted', ctx.run.lesson.file, at(node ?? ctx.run.node), `${message}${field}`),
  );
}

/** A problem that is not about one node, such as a missing help service. */
export function reportLesson(run: RenderRun, message: string): void {
  run.diagnostics.push(diagnostic('render-adjusted', run.lesson.file, at(run.node), message));
}

/** A whole document that could not be made: names the file, and the field and line being rendered when it failed. */
export function documentFailed(run: RenderRun, fileName: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  const where = run.field ? ` while rendering \`${run.field}\`` : '';
  return diagnostic(
    'render-failed',
    run.lesson.file,
    at(run.node),
    `${fileName} could not be made${where}: ${reason}. The other downloads were still made.`,
  );
}

/** Drop repeats: the same node is rendered in the plan, the handout and the large-print handout. */
export function uniqueDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    // The same node in several documents: keep the first report (the lesson plan's, which names the field).
    const key = `${item.file}:${item.line}:${item.column}:${item.ruleId}:${item.message.replace(/ \(in `[^`]*`\)$/, '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
