import type { Lesson, Library } from '../lesson/types.ts';
import { handlers } from './handlers/index.ts';
import type { Doc, PdfContext, Reader, RenderRun, StructElement, Theme } from './types.ts';

/** Shared state for rendering one document of a lesson. */
export function newRun(lesson: Lesson, library: Library): RenderRun {
  return { lesson, library, diagnostics: [], field: '', pageBodyStart: new Map() };
}

/** The context of a document's body: the page's text column, the structure root, the reader's handler map. */
export function createContext(run: RenderRun, doc: Doc, root: StructElement, theme: Theme, reader: Reader): PdfContext {
  const margins = doc.page.margins;
  return {
    doc,
    theme,
    reader,
    parent: root,
    frame: { x: margins.left, width: doc.page.width - margins.left - margins.right },
    headingOffset: 2,
    handlers: handlers[reader],
    run,
  };
}
