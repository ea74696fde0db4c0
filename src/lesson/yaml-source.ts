import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { diagnostic } from './diagnostic.ts';
import { limits } from './limits.ts';
import type { Diagnostic } from './types.ts';

/** Files over this size are refused before parsing (design: hostile input). */
export const MAX_FILE_BYTES = limits.fileBytes.value;
/** More aliases than this is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** A parsed YAML file and what is needed to place a message in it. */
export interface YamlSource {
  file: string;
  text: string;
  doc: Document;
  data: unknown;
  lineCounter: LineCounter;
}

export interface Position {
  line: number;
  column: number;
}

/** The first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let extra: number;
    if (b < 0x80) extra = 0;
    else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) extra = 2;
    else if (b >= 0xf0 && b <= 0xf4) extra = 3;
    else return i;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return -1;
}

function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Decode and parse one YAML file. Never throws for content: every problem is
 * a diagnostic, and `source` is only returned when the file could be parsed.
 */
export function parseYamlFile(file: string, bytes: Uint8Array): { source?: YamlSource; diagnostics: Diagnostic[] } {
  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return {
      diagnostics: [
        diagnostic(
          'file-too-large',
          file,
          { line: 1, column: 1 },
          `The file is ${mb} MB; files over 1 MB are not read. Split it, or remove pasted content.`,
        ),
      ],
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return {
      diagnostics: [
        diagnostic(
          'file-not-utf8',
          file,
          positionOfByte(bytes, bad),
          `Unexpected byte 0x${bytes[bad].toString(16).padStart(2, '0')}, expected UTF-8 text. Save the file as UTF-8 in your editor.`,
        ),
      ],
    };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');

  if (!/^\s*[^\s#]/m.test(text)) {
    return {
      diagnostics: [
        diagnostic(
          'file-empty',
          file,
          { line: 1, column: 1 },
          'The file is empty. Write the fields, or copy templates/lesson.yaml with `pshe new`.',
        ),
      ],
    };
  }

  const tabs: Diagnostic[] = [];
  text.split('\n').forEach((lineText, index) => {
    const match = /^( *)\t/.exec(lineText);
    if (match) {
      tabs.push(
        diagnostic(
          'yaml-tab-indent',
          file,
          { line: index + 1, column: match[1].length + 1 },
          'Unexpected tab in indentation, expected spaces. YAML indents with spaces only: replace the tab with two spaces.',
        ),
      );
    }
  });
  if (tabs.length > 0) return { diagnostics: tabs };

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    const at = { line: pos.line, column: pos.col };
    if (error.code === 'DUPLICATE_KEY') {
      const key = /"([^"]*)"/.exec(error.message)?.[1];
      return diagnostic(
        'yaml-duplicate-key',
        file,
        at,
        `Duplicate key${key ? ` \`${key}\`` : ''}, expected each key once in a mapping. Keep one and delete the other.`,
      );
    }
    return diagnostic(
      'yaml-syntax',
      file,
      at,
      `${firstSentence(error.message)}. Check the indentation and punctuation on this line.`,
    );
  });
  if (diagnostics.length > 0) return { diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError || (error instanceof Error && /alias/i.test(error.message))) {
      return {
        diagnostics: [
          diagnostic(
            'yaml-alias-limit',
            file,
            { line: 1, column: 1 },
            'YAML aliases (*name) expand to too much data. Write the values out instead of repeating aliases.',
          ),
        ],
      };
    }
    throw error;
  }
  return { source: { file, text, doc, data, lineCounter }, diagnostics: [] };
}

function firstSentence(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
}

type Segment = string | number;

/** The node at a path, and the key node of the pair that holds it (for maps). */
export function nodeAt(
  doc: Document,
  path: readonly Segment[],
): { node?: YamlNode; key?: YamlNode; depth: number; nearest?: YamlNode } {
  let current: unknown = doc.contents;
  let key: YamlNode | undefined;
  let nearest = doc.contents ?? undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find(
        (item: Pair<unknown, unknown>) =>
          isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) return { depth, nearest: (key ?? nearest) as YamlNode | undefined };
      key = pair.key as YamlNode;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment];
      if (item === undefined) return { depth, nearest: (key ?? nearest) as YamlNode | undefined };
      key = undefined;
      current = item;
    } else {
      return { depth, nearest: (key ?? nearest) as YamlNode | undefined };
    }
    depth++;
    if (current && typeof current === 'object' && 'range' in current) nearest = current as YamlNode;
  }
  return { node: current as YamlNode, key, depth, nearest };
}

/** Line and column (1-based) of a node's start in the file. */
export function positionOf(source: YamlSource, node: YamlNode | undefined): Position {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/** Where to point for a path: the value's start, or the nearest parent when it is missing. */
export function positionAt(source: YamlSource, path: readonly Segment[], preferKey = false): Position {
  const found = nodeAt(source.doc, path);
  if (found.node) return positionOf(source, preferKey && found.key ? found.key : found.node);
  return positionOf(source, found.nearest);
}

/** The start of every value in the document, by dotted path (`cycles.0.title`). */
export function positionsOf(source: YamlSource): Record<string, Position> {
  const out: Record<string, Position> = {};
  const walk = (node: unknown, path: string) => {
    if (node && typeof node === 'object' && 'range' in node) out[path] = positionOf(source, node as YamlNode);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key)) walk(pair.value, path ? `${path}.${String(pair.key.value)}` : String(pair.key.value));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, path ? `${path}.${index}` : String(index)));
    }
  };
  walk(source.doc.contents, '');
  delete out[''];
  return out;
}
