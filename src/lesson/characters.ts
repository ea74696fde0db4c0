import type { Nodes, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';

/**
 * A lesson's characters (issue 15): the fictional people a class may rename.
 * One home for what a character's name may be (the schema's `characters`,
 * `pshe build --rename`, the renaming itself) and for which names a lesson has.
 */

/** The longest name, in characters: it is printed in headings, slide titles and boxes. */
export const CHARACTER_NAME_MAX = 40;

/**
 * A first name: a capital letter (or a letter of a script without case), then
 * letters, with single spaces, hyphens or apostrophes between runs of letters
 * ("Sam", "Mary-Jane", "D'Arcy", "Ana Lucía"), at least two characters. It
 * starts with a capital because names are matched as written: "Jay" never
 * changes "jaywalking" or a lower-case word, and no id, code or YAML key (all
 * lower case) can be taken for a name. A single letter is refused: renaming
 * "A" or "I" would rewrite ordinary words. The length (at most
 * {@link CHARACTER_NAME_MAX}) is checked apart, so the JSON Schema's pattern
 * stays one that any editor's regular expressions read.
 */
export const CHARACTER_NAME = /^[\p{Lu}\p{Lt}\p{Lo}](?:[ '’-]?[\p{L}\p{M}])+$/u;

/** What a name must be, as messages say it (`schema-format`: "… must be <this>, got …"). */
export const CHARACTER_NAME_RULE =
  'a first name of 2 to 40 characters: letters, starting with a capital, with single spaces, hyphens or apostrophes between them (such as "Sam" or "Mary-Jane")';

/** Why `name` is not a character's name, or undefined when it is one. */
export function characterNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is empty';
  if ([...name].length > CHARACTER_NAME_MAX) return `is over ${CHARACTER_NAME_MAX} characters long`;
  if (!CHARACTER_NAME.test(name)) return `is not ${CHARACTER_NAME_RULE}`;
  return undefined;
}

/** A name as compared: a typographic apostrophe is a straight one, and any run of spaces one space. */
export function normaliseName(name: string): string {
  return name.replaceAll('’', "'").replace(/\s+/g, ' ').trim();
}

/** A markdown field as the loader makes it, recognised by its shape (a model may have crossed threads). */
export interface MarkdownLike {
  source: string;
  tree: Root;
}

export function isMarkdownLike(value: unknown): value is MarkdownLike {
  if (!value || typeof value !== 'object') return false;
  const field = value as Partial<MarkdownLike>;
  return typeof field.source === 'string' && field.tree?.type === 'root';
}

/** Fields of a model that never hold a markdown field (and can be large). */
const NOT_FIELDS = new Set(['positions', 'yamlSource', 'renames', 'images']);

/** Every markdown field of a lesson (or of any part of one), in the model's order. */
export function markdownFieldsOf(value: unknown): MarkdownLike[] {
  const out: MarkdownLike[] = [];
  const walk = (item: unknown) => {
    if (isMarkdownLike(item)) out.push(item);
    else if (Array.isArray(item)) item.forEach(walk);
    else if (item && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) if (!NOT_FIELDS.has(key)) walk(inner);
    }
  };
  walk(value);
  return out;
}

/** Every `:::scenario` of a tree, in document order, with the name it gives (trimmed; empty when none). */
export function scenariosOf(tree: Root): { node: ContainerDirective; name: string }[] {
  const out: { node: ContainerDirective; name: string }[] = [];
  // An explicit stack, not recursion: a tree's depth is capped by the loader, but this also reads trees made elsewhere.
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'containerDirective' && node.name === 'scenario') {
      out.push({ node, name: node.attributes?.name?.trim() ?? '' });
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

/**
 * The names a class may rename in a lesson: the name of each
 * `:::scenario{name=…}` in every markdown field, then the lesson's
 * `characters`, each once, in the order first seen.
 */
export function lessonCharacters(lesson: { characters?: readonly string[] }): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (name: string) => {
    const key = normaliseName(name);
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push(name.trim());
  };
  for (const field of markdownFieldsOf(lesson)) for (const scenario of scenariosOf(field.tree)) add(scenario.name);
  for (const name of lesson.characters ?? []) add(name);
  return out;
}
