import type { Node } from 'unist';
import { diagnostic } from '../lesson/diagnostic.ts';
import type { Library } from '../lesson/types.ts';
import type { View } from './types.ts';
import type { Diagnostic } from '../lesson/types.ts';

/** What every handler may need besides mdast-util-to-hast's own state. */
export interface RenderContext {
  view: View;
  library: Library;
  headingOffset: number;
  resolveImage?: (url: string) => string | undefined;
  /** Record a problem with one node; rendering carries on. */
  report: (node: Node, message: string) => void;
}

/** Build the context; problems go to `sink` as `render-failed` diagnostics at the node's line when known. */
export function createContext(
  options: {
    view: View;
    library: Library;
    file?: string;
    headingOffset?: number;
    resolveImage?: (url: string) => string | undefined;
  },
  sink: (d: Diagnostic) => void,
): RenderContext {
  const file = options.file ?? '';
  return {
    view: options.view,
    library: options.library,
    headingOffset: options.headingOffset ?? 2,
    resolveImage: options.resolveImage,
    report(node, message) {
      const at = node.position?.start ?? { line: 1, column: 1 };
      sink(diagnostic('render-failed', file, { line: at.line, column: at.column }, message));
    },
  };
}
