import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allJsonSchemas } from '../../src/lesson/json-schema.ts';

describe('generated JSON Schemas', () => {
  for (const folder of ['lessons', 'examples/library']) {
    for (const [name, text] of Object.entries(allJsonSchemas())) {
      it(`should match the committed ${folder}/${name} (run \`npm run schemas\` when this fails)`, () => {
        expect(readFileSync(path.join(folder, name), 'utf8')).toBe(text);
      });
    }
  }

  it('should give editors the content guidance codes and forbid unknown keys', () => {
    const lesson = JSON.parse(allJsonSchemas()['lesson.schema.json']);
    expect(lesson.additionalProperties).toBe(false);
    expect(lesson.properties.contentGuidance.items.enum).toContain('x/self-harm-mentioned');
    expect(lesson.required).toEqual(expect.arrayContaining(['title', 'durationInMinutes', 'cycles']));
  });
});

describe('generated rule docs', () => {
  it('should match the committed docs/rules.md (run `npm run schemas` when this fails)', async () => {
    const { rulesMarkdown } = await import('../../src/lesson/rules-doc.ts');
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(rulesMarkdown());
  });
});
