import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describe as words, pathAt, schemaAt, type SchemaNode } from '../../src/browser/schema-help.ts';

const schema = JSON.parse(readFileSync('examples/library/lesson.schema.json', 'utf8')) as SchemaNode;

describe('the editor’s help from the lesson schema', () => {
  const doc = [
    'title: X',
    'cycles:',
    '  - title: A',
    '    slides:',
    '      - title: Y',
    '        body: |',
    '          text',
    '        notes: x',
    'keywords:',
    '- keyword: A',
    '  definition: B',
    'safeLearning:',
    '  groundRules:',
    '    - a',
  ];

  it('should find where a line sits from the indentation above it, lists at their key’s indentation too', () => {
    expect(pathAt(doc, 7, 8)).toEqual(['cycles', '[]', 'slides', '[]']);
    expect(pathAt(doc, 3, 4)).toEqual(['cycles', '[]']);
    expect(pathAt(doc, 10, 2)).toEqual(['keywords', '[]']);
    expect(pathAt(doc, 13, 6)).toEqual(['safeLearning', 'groundRules']);
    expect(pathAt(doc, 8, 0)).toEqual([]);
  });

  it('should find the schema of a field there, and word it', () => {
    expect(Object.keys(schemaAt(schema, ['cycles', '[]', 'slides', '[]'])?.properties ?? {})).toContain('body');
    expect(schemaAt(schema, ['audience'])?.enum).toEqual(['pupils', 'staff', 'parents']);
    expect(words(schemaAt(schema, ['audience'])!)).toBe('One of: pupils, staff, parents.');
    expect(schemaAt(schema, ['no-such-field'])).toBeUndefined();
  });
});
