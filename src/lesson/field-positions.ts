import { isScalar, Scalar } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Position, YamlSource } from './yaml-source.ts';
import { positionOf } from './yaml-source.ts';

/** Maps a position inside a markdown field to a position in the YAML file. */
export type PositionMap = (line: number, column: number) => Position;

/**
 * Build the map for one scalar. Block literals (`|`) keep their lines, so a
 * field line maps to the line after the header and its column shifts by the
 * block's indent. A one-line plain or quoted scalar shifts by its start column.
 * Folded blocks join lines; their positions are approximate (to the line).
 */
export function positionMapFor(source: YamlSource, node: YamlNode | undefined): PositionMap {
  const start = positionOf(source, node);
  if (!node || !isScalar(node)) return () => start;
  const type = node.type;
  if (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) {
    const lines = source.text.split('\n');
    let indent = 0;
    for (let i = start.line; i < lines.length; i++) {
      const text = lines[i];
      if (text.trim() === '') continue;
      indent = text.length - text.trimStart().length;
      break;
    }
    return (line, column) => ({ line: start.line + line, column: column + indent });
  }
  const quote = type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE ? 1 : 0;
  return (line, column) =>
    line === 1
      ? { line: start.line, column: start.column + quote + column - 1 }
      : { line: start.line + line - 1, column };
}
