import type { Image, RootContent, Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { measureBody, slideTextBudget } from '../slides/index.ts';
import type { TextBudget } from '../slides/index.ts';
import { imageBox, slideImage } from './images.ts';
import type { State } from './types.ts';

/** A run of body blocks placed as one object: a text box, a boxed directive, or a real table. */
export type Segment =
  | { kind: 'text'; nodes: RootContent[] }
  | { kind: 'box'; node: ContainerDirective }
  | { kind: 'table'; node: Table }
  | { kind: 'image'; node: Image };

/** The image of a paragraph that holds only an image (`![alt](file.png)` on its own line). */
function soleImage(node: RootContent): Image | undefined {
  if (node.type !== 'paragraph') return undefined;
  const parts = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  return parts.length === 1 && parts[0].type === 'image' ? parts[0] : undefined;
}

const boxed = new Set(['scenario', 'discuss', 'warning']);

/** Split a body into segments: top-level tables, boxed directives and images on their own line stand alone. */
export function segments(body: readonly RootContent[]): Segment[] {
  const result: Segment[] = [];
  for (const node of body) {
    const image = soleImage(node);
    if (image) result.push({ kind: 'image', node: image });
    else if (node.type === 'table') result.push({ kind: 'table', node });
    else if (node.type === 'containerDirective' && boxed.has(node.name)) result.push({ kind: 'box', node });
    else {
      const last = result.at(-1);
      if (last?.kind === 'text') last.nodes.push(node);
      else result.push({ kind: 'text', nodes: [node] });
    }
  }
  return result;
}

/**
 * Body sizes tried, largest first; the budget in `fit.ts` is set for 24 pt,
 * the floor: what does not fit is split into slides by the model, never shrunk.
 */
export const FONT_SIZES = [28, 24] as const;
/** The smallest table text (4 pt under the body). */
export const MIN_TABLE_SIZE = 20;
/** Line height as a multiple of the font size. */
const LEADING = 1.25;
/** Inner padding of a box, and space between segments (inches). */
export const BOX_PADDING = 0.2;
export const SEGMENT_GAP = 0.2;

/** The budget of `fit.ts` scaled to a font size: bigger type, fewer characters a line. */
const budgetAt = (size: number): TextBudget => ({
  charsPerLine: Math.floor((slideTextBudget.charsPerLine * 24) / size),
  maxLines: slideTextBudget.maxLines,
});

/** Height in inches a segment needs at a font size. */
export function segmentHeight(state: State, segment: Segment, size: number): number {
  const lineHeight = (size * LEADING) / 72;
  const options = { library: state.library, budget: budgetAt(size) };
  if (segment.kind === 'text') return measureBody(segment.nodes, options) * lineHeight + 0.1;
  if (segment.kind === 'image') {
    const { image } = slideImage(state, segment.node);
    // One that cannot be shown is described in a line of text.
    return image ? imageBox(image).h : lineHeight + 0.1;
  }
  if (segment.kind === 'box') {
    const lines = measureBody(segment.node.children as RootContent[], {
      ...options,
      budget: { ...options.budget, charsPerLine: options.budget.charsPerLine - 4 },
    });
    return (lines + (segment.node.name === 'warning' ? 1 : 0)) * lineHeight + 2 * BOX_PADDING;
  }
  // A table: its rows at the smaller table size, plus cell margins.
  return (measureBody([segment.node], options) * ((size - 4) * LEADING)) / 72 + segment.node.children.length * 0.12;
}

/** The largest body size at which every segment fits the height available. */
export function fittingSize(state: State, parts: Segment[], available: number): number {
  for (const size of FONT_SIZES) {
    const total =
      parts.reduce((sum, part) => sum + segmentHeight(state, part, size), 0) +
      SEGMENT_GAP * Math.max(0, parts.length - 1);
    if (total <= available) return size;
  }
  return FONT_SIZES[FONT_SIZES.length - 1];
}
