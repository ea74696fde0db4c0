import type { Nodes } from 'mdast';
import { parse, parseDocument, visit } from 'yaml';
import { characterNameProblem, isMarkdownLike, lessonCharacters, normaliseName } from './characters.ts';
import type { Lesson } from './types.ts';

/**
 * Renaming a lesson's characters (issue 15): when a pupil in the class shares
 * a character's name, the teacher gives the character another. One pure
 * function that every output reads the result of (`pshe build --rename`
 * applies it where lessons are loaded, `src/lesson/model-cache.ts`), so the
 * plan, handout, slides, notes, quizzes, DSL notes, letter and site agree.
 *
 * What is renamed: every whole-word use of an old name, as written (names
 * start with a capital, `characters.ts`), in every text of the model: plain
 * fields, and in markdown fields the text, link text, image alt text, titles
 * and the `name` of a `:::scenario`; the lesson's `characters`; the YAML text
 * that goes into the pack, and each markdown field's `source`.
 * What is not: inline code and code blocks in the trees (written as they
 * are), a `:signpost[id]`, addresses (links, images, `sources`' `url`, and any
 * `https://…`, `www.…` or `mailto:…` in text), ids, codes and file names.
 *
 * Whole word: not inside another word, so "Jay" leaves "Jayden", "jaywalking"
 * and "O'Jay" alone, and a hyphen joins words: "Jay-Z" and "Mary-Jay" are
 * other names ("Jay" is renamed in "Jay - " or "Jay—"). A possessive or
 * contraction follows the new name as written: "Jay's" and "Jay’s" become
 * "Alex's" and "Alex’s". A name of several words matches across a line break.
 * Renames are simultaneous: {Jay: 'Sam', Sam: 'Jay'} swaps them.
 *
 * Cost: one regular expression per rename set (a trie of the old names, so a
 * list of thousands costs a few steps per word start, not one per name),
 * built once per thread and set, one pass over each text; a model with none
 * of the names is returned as it is, and only the objects on the path to a
 * changed text are copied (the input is never changed: the model cache and
 * the site share its objects).
 */

/** Old name → new name. */
export type CharacterRenames = Readonly<Record<string, string>>;

interface Renamer {
  /** Group 1 is an address, kept as written; any other match is an old name. */
  pattern: RegExp;
  /** Normalised old name (`normaliseName`) → the old name as given and the new name. */
  names: Map<string, { from: string; to: string }>;
}

/** Letters, marks and digits: what a word is made of (with `_`, as in a handle). */
const WORDISH = '\\p{L}\\p{M}\\p{N}';
/** Not inside a word or a hyphenated name, and not after a word's apostrophe ("O'Jay"). */
const BEFORE = `(?<![${WORDISH}_-])(?<![${WORDISH}]['’])`;
/** Not followed by more of a word, a hyphen and a word ("Jay-Z"), or `@` (an email address). */
const AFTER = `(?![${WORDISH}_@]|-[${WORDISH}])`;
/**
 * A web or mail address in text, kept whole so that a name inside one is not
 * changed ("Jay.Smith@school.org", "www.jay.example"): a web address not
 * inside a word ("Hotel:"), an email address starting where no character
 * of an address's local part comes before it (so each run of such
 * characters is tried once, and the pattern stays linear), or the target of
 * a markdown link or image in a field's source (`![Jay](Jay.png)`).
 */
const ADDRESS =
  `((?<![${WORDISH}])(?:(?:https?|mailto|tel):[^\\s<>"'()\\[\\]]*|www\\.[^\\s<>"'()\\[\\]]*)` +
  `|(?<![${WORDISH}._%+-])[${WORDISH}._%+-]+@[${WORDISH}-]+(?:\\.[${WORDISH}-]+)+` +
  // A markdown link's or image's target, `](Jay.png)`, in a field's source text: a file, not a name.
  `|\\]\\([^()\\s]*\\))`;
/** A space in a name: spaces, or a line break with the indent around it. */
const SPACE = '(?:[ \\t]+(?:\\r?\\n[ \\t]*)?|\\r?\\n[ \\t]*)';

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

/** One character of a name as a pattern (only letters, spaces, hyphens and apostrophes get here). */
function atom(char: string): string {
  if (char === ' ') return SPACE;
  if (char === "'") return "['’]";
  // A hyphen needs no escape outside a class (and `\-` is an error in a `u` pattern).
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

/**
 * The pattern of every name below a trie node. Where a name ends and a longer
 * one goes on ("Mary", "Mary Jane"), the rest is optional and greedy: the
 * longer name is tried first and `AFTER` sends it back to the shorter.
 */
function emit(node: Trie): string {
  const branches = [...node.next.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([char, child]) => atom(char) + emit(child));
  if (branches.length === 0) return '';
  if (branches.length === 1 && !node.end) return branches[0];
  return `(?:${branches.join('|')})${node.end ? '?' : ''}`;
}

/** Compiled renamers by rename set (as sorted JSON): each lesson asks with its own subset, and most ask alike. */
const compiled = new Map<string, Renamer | null>();

/**
 * The matcher of a rename set, built once per set (null when it is empty).
 * Throws on a name that is not a character's name: callers check names first
 * (`pshe build` with `characterNameProblem`), so this is a programming error.
 */
function renamerFor(renames: CharacterRenames): Renamer | null {
  const cacheKey = JSON.stringify(Object.entries(renames).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const known = compiled.get(cacheKey);
  if (known !== undefined) return known;
  if (compiled.size >= 64) compiled.clear();
  const names = new Map<string, { from: string; to: string }>();
  const root: Trie = { end: false, next: new Map() };
  for (const [from, to] of Object.entries(renames)) {
    const problem = characterNameProblem(from) ?? characterNameProblem(to);
    if (problem) {
      throw new RangeError(`Cannot rename ${JSON.stringify(from)} to ${JSON.stringify(to)}: a name ${problem}.`);
    }
    const key = normaliseName(from);
    names.set(key, { from, to: to.replace(/\s+/g, ' ').trim() });
    let node = root;
    for (const char of key) {
      let next = node.next.get(char);
      if (!next) node.next.set(char, (next = { end: false, next: new Map() }));
      node = next;
    }
    node.end = true;
  }
  const renamer = names.size ? { pattern: new RegExp(`${ADDRESS}|${BEFORE}${emit(root)}${AFTER}`, 'gu'), names } : null;
  compiled.set(cacheKey, renamer);
  return renamer;
}

/** What one renaming found: the normalised old names it replaced. */
type Found = Set<string>;

/**
 * `text` with every old name replaced. In YAML text a straight apostrophe in a
 * new name is written typographic (’), which needs no escaping in any kind of
 * YAML scalar: "D'Arcy" in a single-quoted one would end it.
 */
function renameText(text: string, renamer: Renamer, found: Found, yaml = false): string {
  if (text.length < 2) return text;
  return text.replace(renamer.pattern, (whole: string, address: string | undefined) => {
    if (address !== undefined) return whole;
    const key = normaliseName(whole);
    const name = renamer.names.get(key);
    if (!name) return whole;
    found.add(key);
    return yaml ? name.to.replaceAll("'", '’') : name.to;
  });
}

/** Every text of a parsed YAML value renamed (keys stay). */
function renameJs(value: unknown, renamer: Renamer, found: Found): unknown {
  if (typeof value === 'string') return renameText(value, renamer, found);
  if (Array.isArray(value)) return value.map((item) => renameJs(item, renamer, found));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renameJs(item, renamer, found)]));
  }
  return value;
}

/** A plain YAML scalar that reads back as itself: letters first, no flow or comment characters, not `null` or `true`. */
const plainSafe = (value: string) =>
  /^[\p{L}][\p{L}\p{M}\p{N} '’.!?()-]*$/u.test(value) && !/\s$/.test(value) && parse(value) === value;

/**
 * A renamed scalar written as its original was, so the pack's YAML still
 * reads as the author wrote it: a literal or folded block stays a literal
 * block at the same indent, a single-quoted or plain scalar stays so where
 * that reads back the same; anything else is double-quoted (JSON's escapes
 * are YAML's).
 */
function scalarLike(original: string, value: string): string {
  const header = /^([|>])([+-]?)([1-9]?)[ \t]*(?:#[^\n]*)?\n/.exec(original);
  if (header && !header[3]) {
    const indent = /\n([ \t]+)\S/.exec(original)?.[1];
    const lines = value.replace(/\n+$/, '').split('\n');
    const trailing = /\n*$/.exec(value)![0].length;
    if (indent && !/^[ \t]/.test(lines[0] ?? '') && !lines.some((line) => /[ \t]$/.test(line))) {
      const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
      const body = lines.map((line) => (line ? `${indent}${line}` : '')).join('\n');
      return `|${chomp}\n${body}\n${trailing > 1 ? '\n'.repeat(trailing - 1) : ''}`;
    }
  }
  const after = original.endsWith('\n') ? '\n' : '';
  if (original.startsWith("'") && !value.includes('\n')) return `'${value.replaceAll("'", "''")}'${after}`;
  if (!/^["'|>]/.test(original) && plainSafe(value)) return `${value}${after}`;
  return `${JSON.stringify(value)}${after}`;
}

/**
 * The lesson's YAML (the pack's copy) renamed. Each text scalar whose value
 * changes is written again as a double-quoted scalar, so a name YAML wrote
 * escaped (`\u004Aay`), folded over lines or doubled in single quotes
 * (`'D''Arcy'`) is renamed as the documents are, and a new name YAML would
 * read as another type (`Null`) stays text; the rest of the file (comments
 * among it) is renamed as text. The result must read back as the lesson's
 * values renamed; where it does not (YAML the parser cannot keep positions
 * for), the whole file is renamed as text.
 */
function renameYaml(source: string, renamer: Renamer, found: Found): string {
  try {
    const document = parseDocument(source, { keepSourceTokens: true });
    if (document.errors.length) return renameText(source, renamer, found, true);
    const edits: { start: number; end: number; text: string }[] = [];
    visit(document, {
      Scalar(key, node) {
        if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
        const renamed = renameText(node.value, renamer, found);
        if (renamed === node.value) return;
        const [start, end] = node.range;
        edits.push({ start, end, text: scalarLike(source.slice(start, end), renamed) });
      },
    });
    edits.sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const edit of edits) {
      if (edit.start < at) return renameText(source, renamer, found, true);
      out += renameText(source.slice(at, edit.start), renamer, found, true) + edit.text;
      at = edit.end;
    }
    out += renameText(source.slice(at), renamer, found, true);
    const expected = JSON.stringify(renameJs(document.toJS(), renamer, found));
    const written = parseDocument(out);
    if (!written.errors.length && JSON.stringify(written.toJS()) === expected) return out;
  } catch {
    // The parser gave up on something the loader read: rename the text.
  }
  return renameText(source, renamer, found, true);
}

type AnyNode = Nodes & {
  children?: Nodes[];
  alt?: string | null;
  title?: string | null;
  attributes?: Record<string, string | null | undefined> | null;
};

/** An mdast node with its text renamed; the same node when nothing in it changed. */
function renameNode(node: Nodes, renamer: Renamer, found: Found): Nodes {
  if (node.type === 'text') {
    const value = renameText(node.value, renamer, found);
    return value === node.value ? node : { ...node, value };
  }
  // Written as they are: code, and a help service's id.
  if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') return node;
  if (node.type === 'textDirective' && node.name === 'signpost') return node;
  const source = node as AnyNode;
  let copy: AnyNode | undefined;
  for (const key of ['alt', 'title'] as const) {
    const value = source[key];
    if (typeof value !== 'string') continue;
    const renamed = renameText(value, renamer, found);
    if (renamed !== value) (copy ??= { ...source })[key] = renamed;
  }
  if (
    source.type === 'containerDirective' &&
    source.name === 'scenario' &&
    typeof source.attributes?.name === 'string'
  ) {
    const name = renameText(source.attributes.name, renamer, found);
    if (name !== source.attributes.name) (copy ??= { ...source }).attributes = { ...source.attributes, name };
  }
  if (source.children) {
    let children: Nodes[] | undefined;
    source.children.forEach((child, index) => {
      const renamed = renameNode(child, renamer, found);
      if (renamed !== child) (children ??= source.children!.slice())[index] = renamed;
    });
    if (children) (copy ??= { ...source }).children = children;
  }
  return (copy as Nodes | undefined) ?? node;
}

/** Fields that are not words a reader reads: ids, codes, dates, addresses, files, positions. */
const NOT_WORDS = new Set([
  'id',
  'unit',
  'file',
  'yamlSource',
  'positions',
  'images',
  'renames',
  'url',
  'signposts',
  'contentGuidance',
  'keyStage',
  'audience',
  'reviewDate',
  'psheAssociation',
  'connectedWorld',
  'fourCs',
]);

/** Any part of a model with its words renamed; the same object when nothing in it changed. */
function renameValue(value: unknown, renamer: Renamer, found: Found): unknown {
  if (typeof value === 'string') return renameText(value, renamer, found);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, index) => {
      const renamed = renameValue(item, renamer, found);
      if (renamed !== item) (out ??= value.slice())[index] = renamed;
    });
    return out ?? value;
  }
  if (!value || typeof value !== 'object') return value;
  if (isMarkdownLike(value)) {
    const source = renameText(value.source, renamer, found);
    const tree = renameNode(value.tree, renamer, found);
    return source === value.source && tree === value.tree ? value : { ...value, source, tree };
  }
  let out: Record<string, unknown> | undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (NOT_WORDS.has(key)) continue;
    const renamed = renameValue(inner, renamer, found);
    if (renamed !== inner) (out ??= { ...(value as Record<string, unknown>) })[key] = renamed;
  }
  return out ?? value;
}

/** A list of names with each kept once (two characters renamed to one name are one character). */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = normaliseName(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The renames that apply to a lesson: only its own characters (its scenarios'
 * names and `characters`, `lessonCharacters`) are renamed, so `--rename
 * Childline=Sam` changes no help service, source or other capitalised word.
 * A rename to a name that is already another of its characters (and is not
 * itself renamed away) is left out for that lesson: it would make two people
 * in the story one.
 */
/** Rename sets already checked (a build's set is checked once, not once a lesson). */
const validated = new WeakSet<CharacterRenames>();

function ownRenames(lesson: Lesson, renames: CharacterRenames): CharacterRenames {
  if (!validated.has(renames)) {
    for (const [from, to] of Object.entries(renames)) {
      const problem = characterNameProblem(from) ?? characterNameProblem(to);
      if (problem)
        throw new RangeError(`Cannot rename ${JSON.stringify(from)} to ${JSON.stringify(to)}: a name ${problem}.`);
    }
    validated.add(renames);
  }
  const cast = new Set(lessonCharacters(lesson).map(normaliseName));
  const own = Object.entries(renames).filter(([from]) => cast.has(normaliseName(from)));
  const leaving = new Set(own.map(([from]) => normaliseName(from)));
  return Object.fromEntries(own.filter(([, to]) => !cast.has(normaliseName(to)) || leaving.has(normaliseName(to))));
}

/**
 * A new lesson with its characters renamed (`renames`: old name → new), or
 * `lesson` itself when it names none of them. See the top of this file for
 * what changes. The result records the renames it made (`lesson.renames`).
 */
export function renameCharacters(lesson: Lesson, renames: CharacterRenames): Lesson {
  const renamer = renamerFor(ownRenames(lesson, renames));
  if (!renamer) return lesson;
  const found: Found = new Set();
  const renamed = renameValue(lesson, renamer, found) as Lesson;
  if (found.size === 0) return lesson;
  // The pack's YAML only for a lesson whose model holds the names (it costs two parses of the file).
  const yamlSource = renameYaml(lesson.yamlSource, renamer, found);
  const applied = Object.fromEntries(
    [...found].sort().map((key) => {
      const name = renamer.names.get(key)!;
      return [name.from, name.to];
    }),
  );
  const characters = renamed.characters && uniqueNames(renamed.characters);
  return {
    ...renamed,
    ...(characters ? { characters } : {}),
    yamlSource,
    renames: [...(lesson.renames ?? []), applied],
  };
}

/** The old names of `renames` that changed something in `lessons`. */
export function renamesUsed(lessons: readonly Pick<Lesson, 'renames'>[]): Set<string> {
  const used = new Set<string>();
  for (const lesson of lessons)
    for (const set of lesson.renames ?? []) for (const from of Object.keys(set)) used.add(from);
  return used;
}
