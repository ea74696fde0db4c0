/**
 * Finding phrases in text by whole words, in one pass: the text is cut into
 * words once, and a trie of the phrases' words is walked from each word, no
 * deeper than the longest phrase. So a scan costs the text's length times a
 * small constant, whatever the text or the list of phrases holds (a
 * library's own `terminology.yaml` is untrusted input), unlike a regular
 * expression with thousands of alternatives.
 *
 * Words are compared in lower case, with curly apostrophes made straight; a
 * word ending in "n't" is two words (`doesn't` → `does`, `n't`), so a phrase
 * written "n't want to be here" matches "doesn't want to be here" and
 * "don’t want to be here". Hyphens and other punctuation separate words, so
 * "self harm" matches "self-harm" too.
 */

export interface Word {
  /** Lower case, apostrophes straight. */
  word: string;
  from: number;
  to: number;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** How many code units of a word character start at `i` (0: none): ASCII by code, the rest by Unicode class. */
export function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  const point = text.codePointAt(i) as number;
  const width = point > 0xffff ? 2 : 1;
  return LETTER_OR_DIGIT.test(text.slice(i, i + width)) ? width : 0;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * The words of `text`, in order, with where each is: runs of letters and
 * digits, with apostrophes inside (`don't`, `Sam's`). One pass over the
 * characters (a Unicode-class regular expression was three times slower).
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    let width = wordCharAt(text, i);
    if (!width) {
      i++;
      continue;
    }
    const from = i;
    i += width;
    while (i < length) {
      width = wordCharAt(text, i);
      if (width) i += width;
      else if (isApostrophe(text.charCodeAt(i)) && i + 1 < length && wordCharAt(text, i + 1)) i++;
      else break;
    }
    const to = i;
    let word = text.slice(from, to).toLowerCase();
    if (word.includes('’')) word = word.replaceAll('’', "'");
    if (word.length > 3 && word.endsWith("n't")) {
      out.push({ word: word.slice(0, -3), from, to: to - 3 }, { word: "n't", from: to - 3, to });
    } else out.push({ word, from, to });
  }
  return out;
}

/**
 * The words of a unit's text, found once and kept on the unit (`words`), so
 * every check that reads them shares one pass (a WeakMap cost as much as the pass).
 */
export function wordsOf(unit: { text: string; words?: Word[] }): Word[] {
  return (unit.words ??= words(unit.text));
}

/** `"{a|b} c"` → `["a c", "b c"]`: a compact way to write a list of phrases. */
export function expand(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  const close = pattern.indexOf('}', open);
  const head = pattern.slice(0, open);
  const tail = expand(pattern.slice(close + 1));
  return pattern
    .slice(open + 1, close)
    .split('|')
    .flatMap((choice) => tail.map((rest) => `${head}${choice}${rest}`));
}

interface Node<T> {
  next: Map<string, Node<T>>;
  value?: T;
  phrase?: string;
}

export interface PhraseMatch<T> {
  from: number;
  to: number;
  value: T;
  /** The phrase as listed. */
  phrase: string;
}

/** A set of phrases, each with a value (the first added wins a phrase listed twice). */
export class PhraseIndex<T> {
  private readonly root: Node<T> = { next: new Map() };
  private depth = 0;

  add(phrase: string, value: T): void {
    const list = words(phrase);
    if (!list.length) return;
    let node = this.root;
    for (const { word } of list) {
      let next = node.next.get(word);
      if (!next) {
        next = { next: new Map() };
        node.next.set(word, next);
      }
      node = next;
    }
    if (node.value === undefined) {
      node.value = value;
      node.phrase = phrase;
    }
    this.depth = Math.max(this.depth, list.length);
  }

  /** Every match in `text`, left to right, the longest at each word, never overlapping. */
  find(text: string, list: readonly Word[] = words(text)): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < list.length; i++) {
      let node: Node<T> | undefined = this.root;
      let end = -1;
      let found: Node<T> | undefined;
      for (let j = i; j < list.length && j - i < this.depth; j++) {
        node = node.next.get(list[j].word);
        if (!node) break;
        if (node.value !== undefined) {
          end = j;
          found = node;
        }
      }
      if (found && end >= 0) {
        out.push({ from: list[i].from, to: list[end].to, value: found.value as T, phrase: found.phrase as string });
        i = end;
      }
    }
    return out;
  }
}

const OPENING = new Set(['"', '“', '‘', "'", '«']);
const CLOSING = new Set(['"', '”', '’', "'", '»']);
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * The stretches of `text` inside quotation marks, found in one pass: straight
 * double quotes pair up in turn; curly quotes open and close; a straight single
 * quote opens only before a word and after none, and closes only after one, so
 * apostrophes (`don't`, `Sam's`) are not taken for quotes. An unclosed quote
 * quotes nothing.
 */
export function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let openAt = -1;
  let openChar = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (!OPENING.has(char) && !CLOSING.has(char)) continue;
    const before = text[i - 1];
    const after = text[i + 1];
    if (openAt >= 0) {
      const closes =
        (openChar === '"' && char === '"') ||
        (openChar === '“' && (char === '”' || char === '"')) ||
        (openChar === '«' && char === '»') ||
        ((openChar === '‘' || openChar === "'") && (char === '’' || char === "'") && !isWordChar(after));
      if (closes) {
        out.push([openAt, i]);
        openAt = -1;
      }
      continue;
    }
    const opens =
      char === '"' ||
      char === '“' ||
      char === '«' ||
      ((char === '‘' || char === "'") && !isWordChar(before) && isWordChar(after));
    if (opens) {
      openAt = i;
      openChar = char;
    }
  }
  return out;
}

/** True when `from`–`to` lies inside one of `ranges` (from {@link quotedRanges}). */
export function insideQuotes(ranges: readonly [number, number][], from: number, to: number): boolean {
  // The ranges are in order and never overlap: the last one opened before `from` is the only candidate.
  let low = 0;
  let high = ranges.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ranges[middle][0] < from) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found >= 0 && to <= ranges[found][1];
}
