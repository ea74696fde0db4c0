import { isScalar } from 'yaml';
import { missingGlyphs } from '../../fonts/coverage.ts';
import { longWordAt } from '../../markdown/limits.ts';
import { diagnostic } from '../diagnostic.ts';
import { positionMapFor } from '../field-positions.ts';
import { limits } from '../../limits.ts';
import { rules } from '../rules.ts';
import type { Diagnostic } from '../types.ts';
import { nodeAt } from '../yaml-source.ts';
import type { Position, YamlSource } from '../yaml-source.ts';

type Path = readonly (string | number)[];

/** Fields that are addresses or file names, never laid out as words. */
const notWords = new Set(['url', 'logo', 'id', 'email']);

/** Line and column (1-based) of each offset, with the line starts found in one pass. */
function placer(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  };
}

/**
 * The checks on one text field as written (`value` is a plain field's text,
 * or a markdown field's source): a word longer than `limits.wordLength` in a
 * plain field (markdown fields are measured on their tree, where a link's
 * address is left out), and each character the PDFs' fonts cannot draw
 * (`glyph-missing`, once per character per field). Cheap when the text is
 * Latin: no font is read and each character is looked at once.
 */
export function checkFieldText(
  source: YamlSource,
  path: Path,
  value: string,
  kind: 'plain' | 'markdown',
): Diagnostic[] {
  const key = String(path.findLast((segment) => typeof segment === 'string') ?? '');
  const wordAt = kind === 'plain' && !notWords.has(key) ? longWordAt(value) : -1;
  const glyphs = key === 'logo' || key === 'id' ? [] : missingGlyphs(value);
  if (wordAt < 0 && glyphs.length === 0) return [];
  // Place offsets in the scalar as written (its value untrimmed), through the field's position map.
  const node = nodeAt(source.doc, path as (string | number)[]).node;
  const written = isScalar(node) && typeof node.value === 'string' ? node.value : value;
  const shift = kind === 'plain' ? Math.max(0, written.indexOf(value.slice(0, 16))) : 0;
  const map = positionMapFor(source, node);
  const within = placer(written);
  const at = (offset: number): Position => {
    const inner = within(offset + shift);
    return map(inner.line, inner.column);
  };
  const out: Diagnostic[] = [];
  if (wordAt >= 0) {
    const word = /^\S*/.exec(value.slice(wordAt, wordAt + 100_000))?.[0] ?? '';
    out.push(
      diagnostic(
        'word-too-long',
        source.file,
        at(wordAt),
        rules['word-too-long'].message({ word, limit: limits.wordLength.value }),
      ),
    );
  }
  for (const glyph of glyphs) {
    const code = `U+${glyph.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    out.push(
      diagnostic(
        'glyph-missing',
        source.file,
        at(glyph.offset),
        rules['glyph-missing'].message({ code, char: glyph.char }),
        { actual: code },
      ),
    );
  }
  return out;
}
