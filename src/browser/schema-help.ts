import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { EditorState } from '@codemirror/state';
import { hoverTooltip, type Tooltip } from '@codemirror/view';

/**
 * Completion and hover help in `/editor/` from the lesson's JSON Schema (the
 * one `pshe schemas` writes and the YAML extension of an editor reads), the
 * directives and the site's help services. Written here rather than taken
 * from codemirror-json-schema, which brings shiki and markdown-it (several
 * megabytes) to draw its tooltips: this needs only where the cursor is in
 * the YAML, found from the lines' indentation, and the schema's own words.
 */

/** The part of a JSON Schema this reads. */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  enum?: readonly (string | number)[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  required?: string[];
  default?: unknown;
}

/** The schema of the value at a path of keys (`[]` for a list's item), if the schema says. */
export function schemaAt(schema: SchemaNode, path: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const part of path) {
    if (!node) return undefined;
    const options: SchemaNode[] = [node, ...(node.anyOf ?? []), ...(node.oneOf ?? [])];
    node =
      part === '[]'
        ? options.find((option) => option.items)?.items
        : options.find((option) => option.properties?.[part])?.properties?.[part];
  }
  return node;
}

const KEY_LINE = /^(\s*)(- +)?([A-Za-z][\w]*)\s*:/;

/**
 * Where a line of the YAML sits: the keys (and `[]` for list items) that hold
 * the content starting at `column` on line `index`, read from the lines above
 * it by their indentation (a list may sit at its key's own indentation).
 */
export function pathAt(lines: readonly string[], index: number, column: number): string[] {
  const path: string[] = [];
  let limit = column;
  /** A list item was just passed: its key may be at the item's own indentation. */
  let inList = false;
  for (let at = index - 1; at >= 0 && (limit > 0 || inList); at--) {
    const line = lines[at];
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const dash = /^\s*- +/.exec(line);
    const content = dash ? dash[0].length : indent;
    const key = KEY_LINE.exec(line);
    if (inList && !dash && key && indent <= limit) {
      // The key that holds the list just passed.
      path.unshift(key[3]);
      limit = indent;
      inList = false;
    } else if (dash && content === limit && indent < limit) {
      // Another field of the same list item, on the item's first line: the item is in a list.
      path.unshift('[]');
      limit = indent;
      inList = true;
    } else if (content < limit && key) {
      // The key that holds this line; on an item's first line (`- outcomes:`), the item is in a list too.
      path.unshift(key[3]);
      if (dash) path.unshift('[]');
      limit = indent;
      inList = Boolean(dash);
    }
  }
  return path;
}

/** The keys already given in the mapping the line at `index` is in, at its indentation. */
function siblingKeys(lines: readonly string[], index: number, indent: number): Set<string> {
  const keys = new Set<string>();
  const scan = (step: number) => {
    for (let at = index + step; at >= 0 && at < lines.length; at += step) {
      const line = lines[at];
      if (!line.trim() || line.trimStart().startsWith('#')) continue;
      const own = line.length - line.trimStart().length;
      const dash = /^(\s*)- +/.exec(line);
      const start = dash ? dash[0].length : own;
      if (start < indent || (dash && own < indent)) break;
      if (start === indent) {
        const key = KEY_LINE.exec(line);
        if (key) keys.add(key[3]);
      }
    }
  };
  scan(-1);
  scan(1);
  return keys;
}

/** JSON Schema's types in a teacher's words. */
const KIND_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
};

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A schema's words for a hover or a completion's detail. */
export function describe(node: SchemaNode): string {
  const kinds = (Array.isArray(node.type) ? node.type : node.type ? [node.type] : []).map(
    (kind) => KIND_WORDS[kind] ?? kind,
  );
  const parts = [
    node.description,
    node.enum ? `One of: ${node.enum.join(', ')}.` : kinds.length ? sentence(`${kinds.join(' or ')}.`) : undefined,
  ];
  return parts.filter(Boolean).join(' ');
}

export interface HelpSources {
  schema: SchemaNode;
  /** The site's help services' ids, for `signposts:` and `:signpost[…]`. */
  signposts: readonly string[];
  /** The directives' names, for `:::`, `::` and `:`. */
  directives: readonly string[];
}

function linesOf(state: EditorState, pos: number) {
  const line = state.doc.lineAt(pos);
  const lines = state.doc.toString().split('\n');
  return { line, lines, index: line.number - 1, before: line.text.slice(0, pos - line.from) };
}

/** Completions: a field's name where a key goes, its values where a value goes, services and directives in text. */
export function schemaCompletions(sources: HelpSources) {
  return (context: CompletionContext): CompletionResult | null => {
    const { lines, index, before } = linesOf(context.state, context.pos);
    const signpost = /:signpost\[([\w-]*)$/.exec(before);
    if (signpost) {
      return {
        from: context.pos - signpost[1].length,
        options: sources.signposts.map((id) => ({ label: id, type: 'constant', detail: 'help service' })),
      };
    }
    const directive = /^\s*(:{1,3})([\w-]*)$/.exec(before);
    if (directive && !KEY_LINE.test(before)) {
      return {
        from: context.pos - directive[2].length,
        options: sources.directives.map((name) => ({ label: name, type: 'keyword', detail: 'directive' })),
      };
    }
    const value = /^(\s*)(- +)?([A-Za-z]\w*):\s+([\w-]*)$/.exec(before);
    if (value) {
      const column = value[1].length + (value[2]?.length ?? 0);
      const node = schemaAt(sources.schema, [...pathAt(lines, index, column), ...(value[2] ? ['[]'] : []), value[3]]);
      const options = node?.enum ?? (node?.type === 'boolean' ? ['true', 'false'] : undefined);
      if (!options) return null;
      return {
        from: context.pos - value[4].length,
        options: options.map((option) => ({ label: String(option), type: 'enum' })),
      };
    }
    const item = /^(\s*)- +([\w-]*)$/.exec(before);
    if (item) {
      const path = pathAt(lines, index, item[1].length);
      const node = schemaAt(sources.schema, [...path, '[]']);
      const ids = path.at(-1) === 'signposts' ? sources.signposts : node?.enum?.map(String);
      if (ids) return { from: context.pos - item[2].length, options: ids.map((id) => ({ label: id, type: 'enum' })) };
    }
    const key = /^(\s*)(- +)?([A-Za-z]\w*)?$/.exec(before);
    if (!key || (!context.explicit && !key[3])) return null;
    const column = key[1].length + (key[2]?.length ?? 0);
    const path = [...pathAt(lines, index, column), ...(key[2] ? ['[]'] : [])];
    const node = schemaAt(sources.schema, path);
    if (!node?.properties) return null;
    const given = siblingKeys(lines, index, column);
    given.delete(key[3] ?? '');
    return {
      from: context.pos - (key[3]?.length ?? 0),
      options: Object.entries(node.properties)
        .filter(([name]) => !given.has(name))
        .map(([name, child]) => ({
          label: name,
          apply: `${name}: `,
          type: 'property',
          detail: node.required?.includes(name) ? 'required' : undefined,
          info: describe(child) || undefined,
        })),
      validFor: /^\w*$/,
    };
  };
}

/** The help for the field named on the line at `pos` (`audience: One of: …`), and where its name is. */
export function fieldHelpAt(
  state: EditorState,
  pos: number,
  sources: HelpSources,
): { text: string; start: number; end: number } | undefined {
  const { line, lines, index } = linesOf(state, pos);
  const key = KEY_LINE.exec(line.text);
  if (!key) return undefined;
  const column = key[1].length + (key[2]?.length ?? 0);
  const start = line.from + column;
  const node = schemaAt(sources.schema, [...pathAt(lines, index, column), ...(key[2] ? ['[]'] : []), key[3]]);
  const words = node && describe(node);
  return words ? { text: `${key[3]}: ${words}`, start, end: start + key[3].length } : undefined;
}

/** Hover over a field's name: what the schema says of it (the keyboard's way is the field help line, the page's). */
export function schemaHover(sources: HelpSources) {
  return hoverTooltip((view, pos): Tooltip | null => {
    const help = fieldHelpAt(view.state, pos, sources);
    if (!help || pos < help.start || pos > help.end) return null;
    return {
      pos: help.start,
      end: help.end,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'schema-hover';
        dom.textContent = help.text;
        return { dom };
      },
    };
  });
}
