import type { BlockHandlers, Reader } from '../types.ts';
import { blockHandlers } from './blocks.ts';
import { leafDirectives, participantContainerDirectives, staffContainerDirectives } from './directives.ts';
import { unknownHandler } from './unknown.ts';

/** The handler maps of the one mdast → pdfkit renderer, for each kind of reader. */
export const handlers: Record<Reader, BlockHandlers> = {
  staff: {
    nodes: blockHandlers,
    containerDirectives: staffContainerDirectives,
    leafDirectives,
    unknown: unknownHandler,
  },
  participant: {
    nodes: blockHandlers,
    containerDirectives: participantContainerDirectives,
    leafDirectives,
    unknown: unknownHandler,
  },
};
