import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { checkLesson, lineOf, makeLibrary, validLesson } from './fixture.ts';

/** The valid lesson with `characters:` (as written) added at its end. */
const withCharacters = (list: string) => `${validLesson}characters: ${list}\n`;
const problems = (yaml: string) => checkLesson(yaml).map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);

describe('the `characters` field', () => {
  it('should accept 1 to 20 unique first names', () => {
    expect(problems(withCharacters("[Sam, Mary-Jane, D'Arcy, Zoë, Ana Lucía]"))).toEqual([]);
    const twenty = Array.from({ length: 20 }, (_, i) => `Sam${'abcdefghijklmnopqrst'[i]}`);
    expect(problems(withCharacters(`[Sam, ${twenty.slice(1).join(', ')}]`))).toEqual([]);
  });

  it('should refuse a name that is not a first name, at the name, saying what a name is', () => {
    const yaml = withCharacters('[Sam, "Jay.*"]');
    const line = lineOf(yaml, 'characters:');
    const found = checkLesson(yaml);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'schema-format', line, column: 19, severity: 'error' });
    expect(found[0].message).toContain('`characters item 2` must be a first name of 2 to 40 characters');
    expect(found[0].message).toContain('got "Jay.*"');
    for (const bad of ['sam', '""', 'J', '"Sam  Kim"', '"Sam!"'])
      expect(problems(withCharacters(`[${bad}]`)).join('\n'), bad).toMatch(/schema-(format|size)/);
  });

  it('should refuse a name over 40 characters, and a name listed twice (at the second)', () => {
    expect(problems(withCharacters(`[${'A'.repeat(41)}]`)).join('\n')).toContain('schema-size');
    expect(problems(withCharacters(`[Sam, ${'A'.repeat(40)}]`))).toEqual([]);
    const yaml = withCharacters('[Sam, Priya, Sam]');
    const twice = problems(yaml);
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatch(new RegExp(`^${lineOf(yaml, 'characters:')}:26 schema-value`));
    expect(twice[0]).toMatch(/schema-value `characters item 3`: "Sam" is already in the list/);
  });

  it('should refuse an empty list and a list of 21', () => {
    expect(problems(withCharacters('[]')).join('\n')).toContain('schema-size');
    const many = Array.from({ length: 21 }, (_, i) => `Sam${'abcdefghijklmnopqrstu'[i]}`);
    expect(problems(withCharacters(`[${many.join(', ')}]`)).join('\n')).toContain('schema-size');
  });

  it('should warn about a scenario whose name is not listed only when the lesson lists `characters`', () => {
    expect(problems(validLesson)).toEqual([]);
    const found = problems(withCharacters('[Priya]'));
    expect(found).toEqual([
      "24:7 scenario-name-not-in-characters The scenario's character `Sam` is not in `characters`; add them, so renaming a class's characters reaches every part of the lesson.",
    ]);
    // A typographic apostrophe in the list matches a straight one in the scenario.
    const darcy = withCharacters('[D’Arcy]').replace('{name="Sam"}', `{name="D'Arcy"}`);
    expect(problems(darcy)).toEqual([]);
  });
});

describe('the school profile’s `signOff`', () => {
  const school = (signOff: string) =>
    loadLibrary(makeLibrary({ 'school.yaml': `name: A school\ndslContact: Room 1\nsignOff: ${signOff}\n` }), {
      today: '2026-11-26',
    });

  it('should take who signs the letters, at most 80 characters', () => {
    const { library, diagnostics } = school('Mrs Patel, Head of PSHE');
    expect(diagnostics).toEqual([]);
    expect(library.school?.signOff).toBe('Mrs Patel, Head of PSHE');
  });

  it('should refuse a sign-off over 80 characters, or an empty one', () => {
    expect(school('A'.repeat(81)).diagnostics.map((d) => d.ruleId)).toEqual(['schema-size']);
    expect(school('""').diagnostics.map((d) => d.ruleId)).toEqual(['schema-size']);
  });
});
