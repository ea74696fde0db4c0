import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { stripControls } from '../lesson/control-pattern.ts';
import { limits } from '../limits.ts';
import { longWordAt } from '../markdown/limits.ts';
import { useFace } from './fonts.ts';
import { atPageTop, ensureSpace, struct } from './layout.ts';
import type { Face, PdfContext, Run } from './types.ts';

export interface TextOptions {
  /** Structure type of the block (default: 'P'). */
  structType?: string;
  /** Size in points (default: the theme's body size). */
  size?: number;
  /** Colour of runs that set none (default: the theme's text colour). */
  colour?: string;
  align?: 'left' | 'center' | 'right';
  /** Extra space between lines (default: the theme's). */
  lineGap?: number;
}

const longWord = new RegExp(`\\S{${limits.wordLength.value}}(?=\\S)`, 'g');

/**
 * Text as pdfkit is given it: without control characters (a renderer never
 * writes them, whatever the model holds), and with a zero-width space, a
 * chance to break, every `limits.wordLength` characters of a longer word.
 * pdfkit's line wrapper measures the rest of a word too wide for the line
 * again for every line it fills, and caches each rest: a 20,000-character
 * word took 13 s and 1.2 GB. Text with no such word is returned unchanged,
 * so ordinary output is byte for byte the same. Linear.
 */
export function layoutText(text: string): string {
  const clean = stripControls(text);
  return longWordAt(clean) < 0 ? clean : clean.replace(longWord, (chunk) => `${chunk}\u200b`);
}

/** Plain text as one run. */
export const plain = (text: string, face: Face = 'regular', colour?: string): Run => ({ text, face, colour });

/** Merge neighbours that look alike and drop empty runs, so pdfkit gets few, long fragments. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = out[out.length - 1];
    const same =
      last &&
      last.face === run.face &&
      last.link === run.link &&
      last.strike === run.strike &&
      last.colour === run.colour;
    if (same) {
      last.text += run.text;
    } else out.push({ ...run });
  }
  // A paragraph never starts or ends with spaces (they would only shift the first line or make an empty last line).
  if (out.length) {
    out[0].text = out[0].text.replace(/^[ \t]+/, '');
    out[out.length - 1].text = out[out.length - 1].text.replace(/\s+$/, '');
  }
  for (const run of out) run.text = layoutText(run.text);
  return out.filter((run) => run.text);
}

/**
 * Write a block of inline runs (bold, italic, links) as one structure element
 * (P, H1…). Runs without a link share marked content; each link becomes a
 * `Link` element holding its text and its annotation, so screen readers
 * announce it and the click area follows the text across lines.
 */
export function writeRuns(ctx: PdfContext, input: Run[], options: TextOptions = {}): void {
  const runs = tidy(input);
  if (!runs.length) return;
  const { doc, theme, frame } = ctx;
  const size = options.size ?? theme.size.body;
  const lineGap = options.lineGap ?? theme.lineGap;
  const element = struct(ctx, options.structType ?? 'P');
  let first = true;
  const draw = (run: Run, last: boolean) => {
    useFace(doc, run.face, size).fillColor(run.colour ?? options.colour ?? theme.colours.text);
    const textOptions: PDFKit.Mixins.TextOptions = {
      width: frame.width,
      continued: !last,
      lineGap,
      align: options.align ?? 'left',
      link: (run.link ?? null) as string,
      underline: Boolean(run.link),
      strike: Boolean(run.strike),
    };
    if (first) doc.text(run.text, frame.x, doc.y, textOptions);
    else doc.text(run.text, textOptions);
    first = false;
  };
  let index = 0;
  while (index < runs.length) {
    const link = runs[index].link;
    let end = index;
    while (end + 1 < runs.length && runs[end + 1].link === link) end++;
    const group = runs.slice(index, end + 1);
    const lastGroup = end === runs.length - 1;
    const drawGroup = () => group.forEach((run, i) => draw(run, lastGroup && i === group.length - 1));
    if (link) {
      const linkElement = doc.struct('Link');
      element.add(linkElement);
      linkElement.add(drawGroup);
      linkElement.end();
    } else element.add(drawGroup);
    index = end + 1;
  }
  element.end();
  doc.x = frame.x;
}

/** One line of plain text (or a few runs) as a paragraph. */
export function paragraph(ctx: PdfContext, text: string | Run[], options: TextOptions & { face?: Face } = {}): void {
  writeRuns(ctx, typeof text === 'string' ? [plain(text, options.face ?? 'regular')] : text, options);
}

/** Height of plain text in the frame at a size and face, without drawing it. */
export function measureText(
  ctx: PdfContext,
  text: string,
  size: number,
  face: Face = 'regular',
  width = ctx.frame.width,
): number {
  if (!text) return 0;
  useFace(ctx.doc, face, size);
  return ctx.doc.heightOfString(layoutText(text), { width, lineGap: ctx.theme.lineGap });
}

/** One line's height at a size. */
export function lineHeight(ctx: PdfContext, size = ctx.theme.size.body): number {
  useFace(ctx.doc, 'regular', size);
  return ctx.doc.currentLineHeight(true) + ctx.theme.lineGap;
}

/**
 * Roughly how tall the start of a block is: enough of it that a heading is
 * never left alone at the foot of a page (at most three lines are needed).
 */
export function estimateStart(ctx: PdfContext, node: RootContent | undefined): number {
  const line = lineHeight(ctx);
  if (!node) return 0;
  switch (node.type) {
    case 'paragraph': {
      const text = toString(node).slice(0, 400);
      return Math.min(measureText(ctx, text, ctx.theme.size.body), line * 3);
    }
    case 'list':
      return line * 2;
    case 'table':
      return line * 4;
    case 'containerDirective':
    case 'blockquote':
    case 'code':
      return line * 3 + ctx.theme.boxPadding * 2;
    case 'leafDirective':
      return ctx.theme.answerLineSpacing * 2;
    default:
      return line * 2;
  }
}

const headingSize = (ctx: PdfContext, level: number) =>
  level <= 1
    ? ctx.theme.size.h1
    : level === 2
      ? ctx.theme.size.h2
      : level === 3
        ? ctx.theme.size.h3
        : ctx.theme.size.h4;

export interface HeadingOptions {
  /** Height of what must follow on the same page (keep-with-next); see {@link estimateStart}. */
  keepWith?: number;
  /** Add the heading to the PDF's bookmarks (outline). */
  bookmark?: boolean;
  colour?: string;
}

/**
 * A heading H1–H6, kept on the same page as the start of what follows it:
 * the heading's height and `keepWith` are measured before anything is drawn.
 */
export function heading(ctx: PdfContext, input: string | Run[], level: number, options: HeadingOptions = {}): void {
  const { doc, theme } = ctx;
  const depth = Math.max(1, Math.min(6, level));
  const size = headingSize(ctx, depth);
  const runs =
    typeof input === 'string' ? [plain(input, 'bold')] : input.map((run) => ({ ...run, face: boldFace(run.face) }));
  const text = runs.map((run) => run.text).join('');
  const before = atPageTop(ctx) ? 0 : size * (depth <= 2 ? 0.7 : 0.45);
  const own = measureText(ctx, text, size, 'bold') + size * 0.3;
  ensureSpace(ctx, before + own + (options.keepWith ?? lineHeight(ctx) * 2));
  if (!atPageTop(ctx)) doc.y += before;
  if (options.bookmark) doc.outline.addItem(stripControls(text));
  writeRuns(ctx, runs, {
    structType: `H${depth}`,
    size,
    colour: options.colour ?? (depth <= 3 ? theme.colours.accent : theme.colours.text),
    lineGap: size * 0.12,
  });
  doc.y += size * 0.3;
}

export function boldFace(face: Face): Face {
  return face === 'italic' || face === 'boldItalic' ? 'boldItalic' : 'bold';
}

export function italicFace(face: Face): Face {
  return face === 'bold' || face === 'boldItalic' ? 'boldItalic' : 'italic';
}
