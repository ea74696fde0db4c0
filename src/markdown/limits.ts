import type { Nodes, Root } from 'mdast';
import { limits } from '../limits.ts';

/**
 * The caps of `limits.ts` on one markdown field (issue 11: untrusted text
 * must not hang or exhaust the machine). Two passes, both linear:
 * - {@link prescanMarkdown} reads the text line by line before remark parses
 *   it, so a field nested thousands deep, or a table or list of thousands of
 *   rows, is refused before remark-gfm's transforms recurse into it or the
 *   parser builds a tree of millions of nodes. It estimates (nesting never
 *   under the real one), so it refuses only well past a limit (`PRESCAN_SLACK`);
 * - {@link checkTree} counts exactly on the parsed tree, with its own stack,
 *   and reports at the limit. Such a tree is still safe to transform and
 *   render (renderers are tested on tables and words past the limits).
 */

export interface LimitProblem {
  ruleId: 'markdown-too-deep' | 'table-too-large' | 'list-too-long' | 'word-too-long';
  line: number;
  column: number;
  reason: string;
}

/** How far past a limit the pre-scan refuses: nesting ×2 (its estimate may be high), sizes ×10. */
export const PRESCAN_SLACK = { depth: 2, size: 10 } as const;

const depthLimit = limits.markdownDepth.value;
const rowLimit = limits.tableRows.value;
const columnLimit = limits.tableColumns.value;
const itemLimit = limits.listItems.value;
const wordLimit = limits.wordLength.value;

const tooDeep = (line: number, column: number): LimitProblem => ({
  ruleId: 'markdown-too-deep',
  line,
  column,
  reason: `Lists, quotes and boxes are nested more than ${depthLimit} deep here. Take out the repeated "- ", ">" or ":::" at the start of the lines.`,
});
const tooManyRows = (line: number, column: number, rows: number): LimitProblem => ({
  ruleId: 'table-too-large',
  line,
  column,
  reason: `The table has ${rows === Infinity ? `more than ${rowLimit * PRESCAN_SLACK.size}` : rows} rows; at most ${rowLimit} fit the pages and slides. Split it into smaller tables.`,
});
const tooManyColumns = (line: number, column: number, columns: number): LimitProblem => ({
  ruleId: 'table-too-large',
  line,
  column,
  reason: `The table has ${columns} columns; at most ${columnLimit} fit across a page. Split it, or turn columns into rows.`,
});
const tooManyItems = (line: number, column: number, items: number | undefined): LimitProblem => ({
  ruleId: 'list-too-long',
  line,
  column,
  reason: `The list has ${items === undefined ? `more than ${itemLimit * PRESCAN_SLACK.size}` : items} items; at most ${itemLimit} are allowed. Split it into shorter lists under headings.`,
});

const emphasisLimit = limits.emphasisMarks.value;

/**
 * Emphasis marks (`*` and `_`) in a field, counted before parsing: micromark
 * resolves emphasis by pairing every delimiter run with those before it, which
 * is quadratic (29,000 characters of `*a_ ` took 4 s). A field with more
 * marks than the limit is refused at the first mark over it.
 */
export function tooManyEmphasisMarks(text: string): LimitProblem | undefined {
  let count = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      line++;
      lineStart = i + 1;
    } else if ((code === 42 || code === 95) && ++count > emphasisLimit) {
      return {
        ruleId: 'markdown-too-deep',
        line,
        column: i - lineStart + 1,
        reason: `The text has more than ${emphasisLimit} emphasis marks (\`*\` and \`_\`); at most ${emphasisLimit} are allowed in one field. Remove decorative asterisks and underscores, or split the text.`,
      };
    }
  }
  return undefined;
}

/** White space as `\s` matches it (what ends a word). */
function isSpace(code: number): boolean {
  return (
    code <= 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The first word longer than the limit in `text`, as an offset, or -1. Linear. */
export function longWordAt(text: string, limit = wordLimit): number {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) run = 0;
    else if (++run > limit) return i - limit;
  }
  return -1;
}

const fence = /^(`{3,}|~{3,})/;
const thematicBreak = /^([-*_])( *\1){2,} *$/;
const bulletOrOrdered = /^([-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const directiveOpen = /^:{3,}[ \t]*[A-Za-z]/;
const directiveClose = /^:{3,}[ \t]*$/;
const delimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const blockStart = /^(#{1,6}([ \t]|$)|`{3,}|~{3,}|:{3,}|>)/;

interface OpenList {
  indent: number;
  marker: string;
  count: number;
  /** The first item over the limit, where the message points. */
  over?: { line: number; column: number };
}

/**
 * Line by line, before parsing: nesting (indent ÷ 2, plus the quote and list
 * markers at the start of a line, plus open `:::` boxes), rows and columns of
 * tables (from the delimiter row), and items of lists. Lines in fenced code
 * are skipped. Returns the first problem, or undefined.
 */
export function prescanMarkdown(text: string): LimitProblem | undefined {
  let directives = 0;
  let inFence: string | undefined;
  let table: { line: number; rows: number } | undefined;
  let previous = '';
  let blankBefore = true;
  const lists: OpenList[] = [];
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    lineNumber++;
    // Indentation, then the container markers (`>`, `-`, `1.`) and the spaces between them.
    let column = 0;
    let i = 0;
    for (; i < raw.length; i++) {
      const c = raw[i];
      if (c === ' ') column++;
      else if (c === '\t') column += 4 - (column % 4);
      else break;
    }
    const indent = column;
    let markers = 0;
    let quotes = 0;
    let rest = raw.slice(i);
    if (!inFence && !thematicBreak.test(rest)) {
      for (;;) {
        if (rest.startsWith('>')) {
          quotes++;
          markers++;
          rest = rest.slice(1).replace(/^[ \t]*/, '');
          continue;
        }
        const marker = bulletOrOrdered.exec(rest);
        if (marker && !thematicBreak.test(rest)) {
          markers++;
          rest = rest.slice(marker[0].length).replace(/^[ \t]*/, '');
          continue;
        }
        break;
      }
    }
    const body = quotes ? raw.replace(/^[ \t]*(>[ \t]?)+/, '') : raw;
    const trimmed = body.trim();
    if (inFence) {
      if (trimmed.startsWith(inFence)) inFence = undefined;
      blankBefore = false;
      continue;
    }
    const opened = fence.exec(trimmed);
    if (opened) {
      inFence = opened[1][0].repeat(3);
      table = undefined;
    }
    if (directiveClose.test(rest)) directives = Math.max(0, directives - 1);
    else if (directiveOpen.test(rest)) directives++;
    if (Math.floor(indent / 2) + markers + directives > depthLimit * PRESCAN_SLACK.depth)
      return tooDeep(lineNumber, i + 1);

    // Tables: the delimiter row gives the columns; every following line that is not blank, a row.
    if (trimmed === '') {
      table = undefined;
    } else if (table) {
      if (blockStart.test(trimmed)) table = undefined;
      else if (++table.rows > rowLimit * PRESCAN_SLACK.size) return tooManyRows(table.line + rowLimit + 1, 1, Infinity);
    } else if (trimmed.includes('|') && delimiterRow.test(trimmed) && previous.includes('|')) {
      const cells = trimmed
        .replace(/^\|/, '')
        .replace(/\|[ \t]*$/, '')
        .split('|').length;
      if (cells > columnLimit * PRESCAN_SLACK.size) return tooManyColumns(lineNumber - 1, 1, cells);
      table = { line: lineNumber - 1, rows: 1 };
    }
    previous = trimmed;

    // Lists: items of the same marker at the same indent, until a line that ends the list.
    const item = quotes === 0 ? bulletOrOrdered.exec(body.slice(i)) : null;
    if (trimmed === '') {
      blankBefore = true;
      continue;
    }
    if (item && !thematicBreak.test(body.slice(i))) {
      while (lists.length && lists[lists.length - 1].indent > indent) lists.pop();
      const kind = /\d/.test(item[1]) ? item[1].slice(-1) : item[1];
      const top = lists[lists.length - 1];
      if (top && top.indent === indent && top.marker === kind) {
        if (++top.count === itemLimit + 1) top.over = { line: lineNumber, column: indent + 1 };
        if (top.count > itemLimit * PRESCAN_SLACK.size) {
          const at = top.over ?? { line: lineNumber, column: indent + 1 };
          return tooManyItems(at.line, at.column, undefined);
        }
      } else {
        if (top && top.indent === indent) lists.pop();
        lists.push({ indent, marker: kind, count: 1 });
      }
    } else if (blankBefore || blockStart.test(trimmed)) {
      while (lists.length && lists[lists.length - 1].indent + 2 > indent) lists.pop();
    }
    blankBefore = false;
  }
  return undefined;
}

const containers = new Set(['list', 'blockquote', 'containerDirective', 'footnoteDefinition']);
const inline = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'link',
  'linkReference',
  'textDirective',
  'image',
  'imageReference',
]);

function place(node: { position?: { start: { line: number; column: number } } } | undefined) {
  const start = node?.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}

/**
 * Exact counts on the parsed tree: nesting of lists, quotes and boxes; rows
 * and columns of each table; items of each list; and words longer than the
 * limit in laid-out text (a link's address is not laid out; its text is).
 * A word runs on across inline nodes (`a**b**c` is one word). Iterative.
 */
export function checkTree(tree: Root): LimitProblem[] {
  const problems: LimitProblem[] = [];
  let deep = false;
  let run = 0;
  let reported = false;
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  // Where the current run of non-space characters began; placed only when it is reported
  // (exact on the node's first line; later lines of a paragraph lose their indent in the value).
  let runNode: Nodes = tree;
  let runValue = '';
  let runOffset = 0;
  const locate = () => {
    let { line, column } = place(runNode);
    for (let k = 0; k < runOffset; k++) {
      if (runValue.charCodeAt(k) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    return { line, column };
  };
  const words = (node: Nodes, value: string) => {
    for (let k = 0; k < value.length; k++) {
      if (isSpace(value.charCodeAt(k))) {
        run = 0;
        reported = false;
        continue;
      }
      if (run === 0) {
        runNode = node;
        runValue = value;
        runOffset = k;
      }
      if (++run > wordLimit && !reported) {
        reported = true;
        problems.push({
          ruleId: 'word-too-long',
          ...locate(),
          reason: `A word longer than ${wordLimit} characters ("${runValue.slice(runOffset, runOffset + 20)}…") cannot be laid out on a page. Add spaces, or use a link with short text.`,
        });
      }
    }
  };
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Nodes; depth: number };
    if (!inline.has(node.type)) {
      run = 0;
      reported = false;
    }
    const level = containers.has(node.type) ? depth + 1 : depth;
    if (level > depthLimit && !deep) {
      deep = true;
      problems.push(tooDeep(place(node).line, place(node).column));
    }
    if (node.type === 'table') {
      const rows = node.children.length;
      if (rows > rowLimit) {
        const at = place(node.children[rowLimit]);
        problems.push(tooManyRows(at.line, at.column, rows));
      }
      const widest = node.children.reduce((max, row) => Math.max(max, row.children.length), 0);
      if (widest > columnLimit) {
        const row = node.children.find((candidate) => candidate.children.length === widest);
        const at = place(row?.children[columnLimit]);
        problems.push(tooManyColumns(at.line, at.column, widest));
      }
    } else if (node.type === 'list' && node.children.length > itemLimit) {
      const at = place(node.children[itemLimit]);
      problems.push(tooManyItems(at.line, at.column, node.children.length));
    }
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') words(node, node.value);
    else if (node.type === 'image' && node.alt) words(node, node.alt);
    if ('children' in node && !deep) {
      for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k] as Nodes, depth: level });
    }
  }
  return problems;
}
