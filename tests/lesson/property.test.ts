import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/lesson/load-document.ts';
import { validLesson } from './fixture.ts';

const lines = validLesson.split('\n');

/** Random edits a teacher might make by mistake: delete, duplicate, re-indent or garble a line, or insert junk. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete'), line: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('duplicate'), line: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('indent'), line: fc.nat(lines.length - 1), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('insert'), line: fc.nat(lines.length - 1), text: fc.string({ maxLength: 30 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat(validLesson.length) }),
);

function apply(
  source: string[],
  change: { kind: string; line?: number; by?: number; text?: string; at?: number },
): string[] {
  const out = source.length ? [...source] : [''];
  const line = Math.min(Number(change.line ?? 0), out.length - 1);
  switch (change.kind) {
    case 'delete':
      out.splice(line, 1);
      break;
    case 'duplicate':
      out.splice(line, 0, out[line]);
      break;
    case 'indent': {
      const by = Number(change.by);
      out[line] = by >= 0 ? ' '.repeat(by) + out[line] : out[line].replace(new RegExp(`^ {0,${-by}}`), '');
      break;
    }
    case 'insert':
      out.splice(line, 0, String(change.text));
      break;
    case 'truncate':
      return out.join('\n').slice(0, Number(change.at)).split('\n');
  }
  return out;
}

describe('property: a mutated lesson never throws', () => {
  it('should return diagnostics with real line numbers for any random edit', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (changes) => {
        const text = changes.reduce((current, change) => apply(current, change), lines).join('\n');
        const result = loadDocument('lesson', 'lesson.yaml', new TextEncoder().encode(text));
        const lineCount = text.split('\n').length;
        for (const d of result.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lineCount + 1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(10);
          expect(d.ruleId).toMatch(/^[a-z0-9-]+$/);
        }
        expect(result.data !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it('should never throw on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = loadDocument('lesson', 'lesson.yaml', bytes);
        expect(result.data !== undefined || result.diagnostics.length > 0).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
