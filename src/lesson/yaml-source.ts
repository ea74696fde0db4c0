import { Composer, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, YAMLParseError } from 'yaml';
import type { CST, Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { controlMessage, CONTROL_CHARACTERS, findControls } from './checks/control-characters.ts';
import { capDiagnostics, diagnostic } from './diagnostic.ts';
import { limits } from '../limits.ts';
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

/**
 * The first byte that is not valid UTF-8, or -1. A strict TextDecoder (native
 * in Node and in browsers, where the school profile is read too) answers the
 * common case; it gives no position, so only a file that fails it is scanned
 * here, by the same rules (no overlong forms, no surrogates), to say where the
 * first bad byte is.
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    strictUtf8.decode(bytes);
    return -1;
  } catch {
    // Scanned below for where.
  }
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let extra: number;
    // The allowed range of the second byte: narrower after E0, ED, F0 and F4 (RFC 3629).
    let low = 0x80;
    let high = 0xbf;
    if (b < 0x80) extra = 0;
    else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += extra + 1;
  }
  return 0;
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

  const controls = controlCharacters(file, text);
  if (controls.length > 0) return { diagnostics: controls };

  if (!hasContent(text)) {
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
  // Parse to tokens first (the yaml package's parser keeps its own stack), and
  // measure them before the composer, which recurses once per level of nesting
  // and compares each new key with every key before it.
  const { tokens, stopped } = tokenize(file, text, lineCounter);
  if (stopped?.ruleId === 'yaml-too-deep') return { diagnostics: [stopped] };
  const tooBig = stopped ? undefined : measureTokens(file, tokens, lineCounter);
  if (tooBig) return { diagnostics: [tooBig] };
  const doc = compose(tokens, text.length);
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
  diagnostics.push(...duplicateKeys(file, doc, lineCounter));
  if (stopped) diagnostics.push(stopped);
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
  const source = { file, text, doc, data, lineCounter };
  const escaped = escapedControls(source);
  if (escaped.length > 0) return { diagnostics: escaped };
  return { source, diagnostics: [] };
}

/** How much deeper than `limits.yamlDepth` the parser's own stack may grow before it is stopped. */
const STACK_SLACK = 8;

/**
 * The parser's tokens, read lexeme by lexeme (as `Parser.parse` does) so that
 * it can stop early: when its stack is far deeper than the limit (900,000
 * "{" took 1.1 s and 550 MB to parse) or it has found more syntax errors
 * than are reported (900,000 "]" took 8 s to compose).
 */
function tokenize(file: string, text: string, lineCounter: LineCounter): { tokens: CST.Token[]; stopped?: Diagnostic } {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  let errors = 0;
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) {
      tokens.push(token);
      if (token.type === 'error' && ++errors > limits.diagnosticsPerFile.value) {
        return {
          tokens,
          stopped: diagnostic(
            'diagnostics-truncated',
            file,
            at(token.offset),
            `The rest of the file was not read: it has more than ${limits.diagnosticsPerFile.value} syntax errors. Fix these and check again.`,
          ),
        };
      }
    }
    if (parser.stack.length > limits.yamlDepth.value + STACK_SLACK) {
      const collections = parser.stack.filter(
        (token) => token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection',
      );
      const offset = (collections[limits.yamlDepth.value] ?? parser.stack[parser.stack.length - 1]).offset;
      return { tokens, stopped: tooDeep(file, at(offset)) };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens };
}

function tooDeep(file: string, at: Position): Diagnostic {
  return diagnostic(
    'yaml-too-deep',
    file,
    at,
    `Lists and mappings are nested ${limits.yamlDepth.value + 1} levels deep here; at most ${limits.yamlDepth.value} are read. Check the indentation, or take out the "- " and "[" that were repeated.`,
  );
}

/** What `parseDocument` does with the tokens: one document, a second is an error. */
function compose(tokens: CST.Token[], length: number): Document {
  // Duplicate keys are found by `duplicateKeys`, with one set per mapping: the
  // composer's own check compares each key with every key before it.
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false });
  let doc: Document | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError(
          next.range.slice(0, 2) as [number, number],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  return doc as Document;
}

/** Each key written twice in one mapping (scalar keys, compared as the composer's `uniqueKeys` does). Linear. */
function duplicateKeys(file: string, doc: Document, lineCounter: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        stack.push(pair.value, pair.key);
        if (!isScalar(pair.key)) continue;
        const value = pair.key.value;
        if (!seen.has(value)) {
          seen.add(value);
          continue;
        }
        const { line, col } = lineCounter.linePos(pair.key.range?.[0] ?? 0);
        out.push(
          diagnostic(
            'yaml-duplicate-key',
            file,
            { line, column: col },
            `Duplicate key \`${String(value)}\`, expected each key once in a mapping. Keep one and delete the other.`,
          ),
        );
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** True when some line holds more than spaces and a comment. One pass over the text. */
function hasContent(text: string): boolean {
  let lineStart = true;
  let inComment = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lineStart = true;
      inComment = false;
    } else if (inComment || code === 32 || code === 9 || code === 13 || code === 12 || code === 11) {
      continue;
    } else if (lineStart && code === 35) {
      inComment = true;
    } else {
      return true;
    }
  }
  return false;
}

/** Control characters written into the file's text, each at its line and column. */
function controlCharacters(file: string, text: string): Diagnostic[] {
  const cap = limits.diagnosticsPerFile.value;
  const { offsets, total } = findControls(text, cap);
  if (total === 0) return [];
  const out: Diagnostic[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const offset of offsets) {
    for (; scanned < offset; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    out.push(
      diagnostic(
        'control-character',
        file,
        { line, column: offset - lineStart + 1 },
        controlMessage(text.charCodeAt(offset)),
      ),
    );
  }
  return capDiagnostics(out, total - out.length);
}

/** Control characters written as escapes ("\v", "\x1b") in quoted keys and values, found after parsing. */
function escapedControls(source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  let total = 0;
  const stack: unknown[] = [source.doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) stack.push(item.value, item.key);
        else stack.push(item);
      }
    } else if (isScalar(node) && typeof node.value === 'string') {
      const found = CONTROL_CHARACTERS.exec(node.value);
      if (!found) continue;
      total++;
      if (out.length < limits.diagnosticsPerFile.value) {
        out.push(
          diagnostic(
            'control-character',
            source.file,
            positionOf(source, node as YamlNode),
            controlMessage(found[0].charCodeAt(0), 'this value (written as an escape)'),
          ),
        );
      }
    }
  }
  return capDiagnostics(out, total - out.length);
}

/**
 * The first place where the tokens nest deeper than `limits.yamlDepth` or
 * hold more keys and items than `limits.yamlKeys`. Walks the tokens with its
 * own stack, so no input can exhaust the call stack here.
 */
function measureTokens(file: string, tokens: readonly CST.Token[], lineCounter: LineCounter): Diagnostic | undefined {
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let count = 0;
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > limits.yamlDepth.value) {
      return tooDeep(file, at(token.offset));
    }
    const items = token.items as CST.CollectionItem[];
    if (count + items.length > limits.yamlKeys.value) {
      const item = items[limits.yamlKeys.value - count];
      const offset = item.start[0]?.offset ?? item.key?.offset ?? item.value?.offset ?? token.offset;
      return diagnostic(
        'yaml-too-large',
        file,
        at(offset),
        `The file holds more than ${limits.yamlKeys.value} keys and list items; the rest are not read. Split the file, or remove pasted content.`,
      );
    }
    count += items.length;
    for (let index = items.length - 1; index >= 0; index--) {
      const item = items[index];
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
    }
  }
  return undefined;
}

function firstSentence(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
}

type Segment = string | number;

const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

/** A mapping's pairs by key, built once per mapping, so looking up many paths is not quadratic. */
function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items as Pair<unknown, unknown>[]) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const key = String(item.key.value);
      if (!index.has(key)) index.set(key, item as Pair);
    }
    pairIndex.set(map, index);
  }
  return index;
}

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
      const pair = pairsOf(current).get(String(segment));
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
