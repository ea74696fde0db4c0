import type { Root } from 'mdast';
import type { Node as UnistNode } from 'unist';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown/processor.ts';
import { checkFieldText } from './checks/text-checks.ts';
import { diagnostic } from './diagnostic.ts';
import { positionMapFor } from './field-positions.ts';
import type { PositionMap } from './field-positions.ts';
import { isMarkdownField } from './markdown-field.ts';
import type { RuleId } from './rules.ts';
import type { Diagnostic } from './types.ts';
import { nodeAt } from './yaml-source.ts';
import type { Position, YamlSource } from './yaml-source.ts';

/** A `:signpost[id]` found in a field, placed in the YAML file. */
export interface SignpostRef {
  id: string;
  at: Position;
}

export interface ParsedFields {
  diagnostics: Diagnostic[];
  signposts: SignpostRef[];
  images: { url: string; at: Position }[];
}

function remap(tree: Root, map: PositionMap) {
  visit(tree as UnistNode, (node) => {
    const position = node.position;
    if (!position) return;
    const start = map(position.start.line, position.start.column);
    const end = map(position.end.line, position.end.column);
    node.position = {
      start: { line: start.line, column: start.column },
      end: { line: end.line, column: end.column },
    };
  });
}

function at(node: unknown): Position {
  const start = (node as UnistNode | undefined)?.position?.start;
  return start ? { line: start.line, column: start.column } : { line: 1, column: 1 };
}

/**
 * Parse every markdown field of a validated document, in place: each field's
 * tree gets positions in the YAML file. Returns the markdown diagnostics and
 * the signpost references and images found, for library-level checks.
 * Plain text fields get the checks on text as laid out (`checks/text-checks.ts`).
 */
export function parseMarkdownFields(source: YamlSource, data: unknown): ParsedFields {
  const result: ParsedFields = { diagnostics: [], signposts: [], images: [] };
  const walk = (value: unknown, path: (string | number)[]) => {
    if (isMarkdownField(value)) {
      const { tree, file } = parseMarkdown(value.source);
      const map = positionMapFor(source, nodeAt(source.doc, path).node);
      remap(tree, map);
      value.tree = tree;
      for (const message of file.messages) {
        const place = message.place && 'start' in message.place ? message.place.start : message.place;
        const pos = place ? map(place.line, place.column) : map(1, 1);
        result.diagnostics.push(
          diagnostic((message.ruleId ?? 'markdown-unknown-directive') as RuleId, source.file, pos, message.reason),
        );
      }
      for (const ref of file.data.signposts ?? []) result.signposts.push({ id: ref.id, at: at(ref.node) });
      for (const image of file.data.images ?? []) result.images.push({ url: image.url, at: at(image.node) });
      result.diagnostics.push(...checkFieldText(source, path, value.source, 'markdown'));
      return;
    }
    if (typeof value === 'string') {
      result.diagnostics.push(...checkFieldText(source, path, value, 'plain'));
      return;
    }
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(data, []);
  return result;
}
