import { signpostIdOf } from '../markdown/signpost-id.ts';
import type { List, ListItem, PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Library } from '../lesson/types.ts';
import { signpostLine } from './signpost-lookup.ts';
import type { Slide } from './types.ts';

/**
 * How much text a slide body holds: lines of `charsPerLine` characters, at most
 * `maxLines`. Measured for body text at 24 pt on a 16:9 slide (13.33 × 7.5 in,
 * a 12.3 × 5.2 in text area), rounded down so that the web deck, the slides PDF
 * and the PowerPoint all fit: "text never overflows a slide" (issue).
 */
export interface TextBudget {
  charsPerLine: number;
  maxLines: number;
}

export const slideTextBudget: TextBudget = { charsPerLine: 60, maxLines: 10 };

export interface FitOptions {
  /** Resolves `:signpost[id]` to the text shown (default: the id itself). */
  library?: Library;
  /** (default: {@link slideTextBudget}) */
  budget?: TextBudget;
}

/** Space between blocks, in lines. */
const GAP = 0.4;
/** Space between list items, in lines. */
const ITEM_GAP = 0.25;
/** Lines an image takes. */
const IMAGE_LINES = 5;

/** The number of characters of inline content as shown (a signpost shows its name and contact). */
export function inlineLength(nodes: readonly PhrasingContent[], options: FitOptions = {}): number {
  let length = 0;
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') length += node.value.length;
    else if (node.type === 'break') length += 1;
    else if (node.type === 'image') length += node.alt?.length ?? 0;
    else if (node.type === 'footnoteReference') length += 2;
    else if (node.type === 'textDirective' && node.name === 'signpost') {
      const id = signpostIdOf(node);
      length += options.library ? signpostLine(id, options.library).length : id.length;
    } else if ('children' in node) length += inlineLength(node.children as PhrasingContent[], options);
  }
  return length;
}

const wrapped = (chars: number, width: number) => Math.max(1, Math.ceil(chars / Math.max(10, width)));

function tableRowLines(row: TableRow, width: number, columns: number, options: FitOptions): number {
  const cellWidth = width / Math.max(1, columns);
  return Math.max(1, ...row.children.map((cell) => wrapped(inlineLength(cell.children, options), cellWidth)));
}

/** Lines one block takes at a given width in characters. */
function blockLines(node: RootContent, width: number, options: FitOptions): number {
  switch (node.type) {
    case 'paragraph':
      return node.children.some((child) => child.type === 'image') && inlineLength(node.children, options) === 0
        ? IMAGE_LINES
        : wrapped(inlineLength(node.children, options), width);
    case 'heading':
      // Headings are set larger: fewer characters a line.
      return wrapped(inlineLength(node.children, options), width * 0.75);
    case 'list':
      // Items are spaced apart a little (about a quarter of a line in the PDF and the PowerPoint).
      return (
        node.children.reduce((sum, item) => sum + blocksLines(item.children, width - 3, options), 0) +
        ITEM_GAP * Math.max(0, node.children.length - 1)
      );
    case 'table':
      return node.children.reduce(
        (sum, row) => sum + tableRowLines(row, width, node.children[0]?.children.length ?? 1, options),
        0,
      );
    case 'code':
      return node.value.split('\n').reduce((sum, line) => sum + wrapped(line.length, width), 0);
    case 'blockquote':
    case 'containerDirective':
      // A boxed block: padding and a label line, narrower text.
      return 1 + blocksLines(node.children as RootContent[], width - 4, options);
    case 'image':
      return IMAGE_LINES;
    case 'thematicBreak':
    case 'leafDirective':
    case 'html':
    case 'definition':
    case 'yaml':
      return 0;
    default:
      return 'children' in node ? blocksLines(node.children as RootContent[], width, options) : 1;
  }
}

function blocksLines(nodes: readonly RootContent[], width: number, options: FitOptions): number {
  const shown = nodes.filter((node) => blockLines(node, width, options) > 0);
  return shown.reduce((sum, node) => sum + blockLines(node, width, options), 0) + GAP * Math.max(0, shown.length - 1);
}

/** Lines a slide body takes (title not counted: it has its own box). */
export function measureBody(body: readonly RootContent[], options: FitOptions = {}): number {
  const budget = options.budget ?? slideTextBudget;
  return blocksLines(body, budget.charsPerLine, options);
}

/** True when the body fits the budget. */
export function bodyFits(body: readonly RootContent[], options: FitOptions = {}): boolean {
  return measureBody(body, options) <= (options.budget ?? slideTextBudget).maxLines;
}

/** Split a list of items into runs whose measure stays within `max`. */
function chunk<T>(items: readonly T[], measure: (run: T[]) => number, max: number): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (current.length && measure([...current, item]) > max) {
      runs.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length) runs.push(current);
  return runs;
}

/** Split a paragraph's inline content after sentence ends, so each part reads on its own. */
function splitSentences(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const sentences: PhrasingContent[][] = [];
  let current: PhrasingContent[] = [];
  for (const child of children) {
    if (child.type !== 'text') {
      current.push(child);
      continue;
    }
    const parts = child.value.split(/(?<=[.!?…])\s+/);
    parts.forEach((part, index) => {
      if (part) current.push({ type: 'text', value: part });
      if (index < parts.length - 1) {
        sentences.push(current);
        current = [];
      }
    });
  }
  if (current.length) sentences.push(current);
  return sentences;
}

/** Split inline content between words into runs of at most `chars` characters (inline nodes kept whole). */
function splitWords(children: readonly PhrasingContent[], chars: number): PhrasingContent[][] {
  const runs: PhrasingContent[][] = [[]];
  let length = 0;
  const add = (node: PhrasingContent, size: number) => {
    if (length + size > chars && runs[runs.length - 1].length) {
      runs.push([]);
      length = 0;
    }
    runs[runs.length - 1].push(node);
    length += size;
  };
  for (const child of children) {
    if (child.type !== 'text') {
      add(child, inlineLength([child]));
      continue;
    }
    for (const word of child.value.split(/(?<=\s)/)) if (word) add({ type: 'text', value: word }, word.length);
  }
  return runs
    .filter((run) => run.length)
    .map((run) => {
      const last = run[run.length - 1];
      return last.type === 'text' ? [...run.slice(0, -1), { ...last, value: last.value.trimEnd() }] : run;
    });
}

/** The list item a piece of a split list item came from. */
const splitItems = new WeakMap<ListItem, ListItem>();

/** Where an atom came from: pieces of one list, paragraph or box on the same slide are joined again. */
const origins = new WeakMap<RootContent, RootContent>();

function tag<T extends RootContent>(atom: T, from: RootContent): T {
  origins.set(atom, from);
  return atom;
}

/**
 * Break a block into the smallest pieces a slide may end between: a list into
 * its items (always), and, only when the block cannot fit on any slide, a
 * paragraph into sentences, a box into its children, a table or code block
 * into runs of rows or lines.
 */
function atomize(node: RootContent, max: number, options: FitOptions): RootContent[] {
  const width = (options.budget ?? slideTextBudget).charsPerLine;
  const lines = (nodes: RootContent[]) => blocksLines(nodes, width, options);
  if (node.type === 'list') {
    const start = node.start ?? 1;
    return node.children.flatMap((item, index) => {
      const numbered = node.ordered ? { start: start + index } : {};
      const one: List = { ...node, children: [item], ...numbered };
      if (lines([one]) <= max || !item.children.some((child) => child.type === 'list')) return [tag(one, node)];
      // An item too long for any slide breaks between the items of its own nested list.
      return item.children
        .flatMap((child) => atomize(child as RootContent, max - 1, options))
        .map((part) => {
          const piece = { ...item, children: [part] } as ListItem;
          splitItems.set(piece, item);
          return tag({ ...node, children: [piece], ...numbered }, node);
        });
    });
  }
  if (lines([node]) <= max) return [node];
  switch (node.type) {
    case 'paragraph':
      return splitSentences(node.children).flatMap((sentence) => {
        const piece: RootContent = { ...node, children: sentence };
        // A sentence too long for any slide breaks between words, never shrinks.
        const parts = lines([piece]) <= max ? [sentence] : splitWords(sentence, (max - 1) * width);
        return parts.map((part) => tag({ ...node, children: part }, node));
      });
    case 'blockquote':
    case 'containerDirective':
      return node.children
        .flatMap((child) => atomize(child as RootContent, max - 1, options))
        .map((child) => tag({ ...node, children: [child] } as RootContent, node));
    case 'table': {
      const [head, ...rows] = node.children;
      return chunk(rows, (run) => lines([{ ...node, children: [head, ...run] }]), max).map((run): Table => ({
        ...node,
        children: [head, ...run],
      }));
    }
    case 'code': {
      const codeLines = node.value.split('\n');
      return chunk(codeLines, (run) => lines([{ ...node, value: run.join('\n') }]), max).map((run) => ({
        ...node,
        value: run.join('\n'),
      }));
    }
    default:
      return [node];
  }
}

/** Join neighbouring atoms of the same list, paragraph or box back into one node. */
function regroup(nodes: readonly RootContent[]): RootContent[] {
  const result: RootContent[] = [];
  for (const node of nodes) {
    const previous = result.at(-1);
    const from = origins.get(node);
    if (!previous || !from || origins.get(previous) !== from) {
      result.push(node);
      continue;
    }
    result[result.length - 1] = tag(merge(previous, node), from);
  }
  return result;
}

function merge(a: RootContent, b: RootContent): RootContent {
  if (a.type === 'paragraph' && b.type === 'paragraph')
    return { ...a, children: [...a.children, { type: 'text', value: ' ' }, ...b.children] };
  if (a.type === 'list' && b.type === 'list') {
    const last = a.children.at(-1);
    const first = b.children[0];
    const item = last && splitItems.get(last);
    if (!item || splitItems.get(first) !== item) return { ...a, children: [...a.children, ...b.children] };
    // Two pieces of one list item: one item again.
    const joined = { ...last, children: regroup([...last.children, ...first.children] as RootContent[]) } as ListItem;
    splitItems.set(joined, item);
    return { ...a, children: [...a.children.slice(0, -1), joined, ...b.children.slice(1)] };
  }
  const children = regroup([
    ...(a as ContainerDirective).children,
    ...(b as ContainerDirective).children,
  ] as RootContent[]);
  return { ...a, children } as RootContent;
}

/**
 * Split atoms into `count` runs, in order, so that the fullest run is as
 * light as it can be (a balanced split: no continuation slide left holding a
 * line or two). Small inputs (a slide's atoms), so a plain dynamic programme.
 */
function balance(
  atoms: readonly RootContent[],
  count: number,
  lines: (nodes: RootContent[]) => number,
): RootContent[][] {
  const n = atoms.length;
  const cost = (from: number, to: number) => lines(atoms.slice(from, to));
  // best[k][i]: the lightest fullest run splitting the first i atoms into k runs; cut[k][i]: where the last run starts.
  const best: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0][0] = 0;
  for (let k = 1; k <= count; k++)
    for (let i = k; i <= n; i++)
      for (let j = k - 1; j < i; j++) {
        if (best[k - 1][j] === Infinity) continue;
        // Ties go to the later cut, so earlier runs are the fuller ones.
        const worst = Math.max(best[k - 1][j], cost(j, i));
        if (worst <= best[k][i]) {
          best[k][i] = worst;
          cut[k][i] = j;
        }
      }
  const runs: RootContent[][] = [];
  let end = n;
  for (let k = count; k > 0; k--) {
    const start = cut[k][end];
    runs.unshift(atoms.slice(start, end));
    end = start;
  }
  return runs;
}

/**
 * Split a body into pages that each fit, as evenly as the pieces allow; a list
 * splits between items, never inside one; a heading never ends a page.
 */
export function paginateBody(body: readonly RootContent[], options: FitOptions = {}): RootContent[][] {
  const budget = options.budget ?? slideTextBudget;
  const lines = (nodes: RootContent[]) => blocksLines(regroup(nodes), budget.charsPerLine, options);
  const atoms = body.flatMap((node) => atomize(node, budget.maxLines, options));
  let pages = chunk(atoms, lines, budget.maxLines);
  if (pages.length > 1 && pages.length <= 8 && atoms.length <= 120) {
    const even = balance(atoms, pages.length, lines);
    if (even.every((page) => page.length && lines(page) <= budget.maxLines)) pages = even;
  }
  for (let i = 0; i < pages.length - 1; i++) {
    const page = pages[i];
    if (page.length > 1 && page[page.length - 1].type === 'heading') pages[i + 1].unshift(page.pop()!);
  }
  return pages.map(regroup);
}

/**
 * A slide whose body is over budget becomes continuation slides titled
 * "Title (1 of 2)", "Title (2 of 2)". The first keeps the presenter notes; the
 * others say where the notes are, so every slide has some.
 */
export function fitSlide(slide: Slide, options: FitOptions = {}): Slide[] {
  const budget = options.budget ?? slideTextBudget;
  // A title that wraps takes room from the body: a wrapped line of a title is about 1.5 lines of body text.
  const titleChars = slide.kind === 'title' ? 36 : 46;
  const titleLines = Math.ceil(slide.title.length / titleChars);
  options = { ...options, budget: { ...budget, maxLines: budget.maxLines - 1.5 * Math.max(0, titleLines - 1) } };
  if (bodyFits(slide.body, options)) return [slide];
  const pages = paginateBody(slide.body, options);
  if (pages.length < 2) return [slide];
  if (slide.kind === 'title') {
    // A title slide is never "(1 of 2)": what does not fit under the title (long content guidance for
    // an adult session) follows on a content slide of its own.
    return pages.map((body, index) =>
      index === 0
        ? { ...slide, body }
        : {
            ...slide,
            kind: 'content',
            title: pages.length > 2 ? `What this covers (${index} of ${pages.length - 1})` : 'What this covers',
            body,
            notes: [
              {
                type: 'paragraph',
                children: [{ type: 'text', value: `Continues the title slide, “${slide.title}”.` }],
              },
            ],
          },
    );
  }
  return pages.map((body, index) => ({
    ...slide,
    title: `${slide.title} (${index + 1} of ${pages.length})`,
    body,
    notes:
      index === 0
        ? slide.notes
        : [
            {
              type: 'paragraph',
              children: [
                { type: 'text', value: `Continues “${slide.title}”: the notes are on part 1 of ${pages.length}.` },
              ],
            },
          ],
  }));
}
