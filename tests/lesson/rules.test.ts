import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { rules } from '../../src/lesson/rules.ts';
import { checkLesson, lineOf, makeLibrary, mutate, validLesson } from './fixture.ts';

interface Case {
  name: string;
  yaml: string;
  rule: keyof typeof rules;
  /** Text on the line the diagnostic must point at. */
  at?: string;
  message?: RegExp;
}

const selfHarm = mutate('contentGuidance: [e/rshe-content]', 'contentGuidance: [x/self-harm-mentioned]');

const cases: Case[] = [
  {
    name: 'a duration written in words',
    yaml: mutate('durationInMinutes: 50', 'durationInMinutes: sixty'),
    rule: 'schema-type',
    at: 'sixty',
    message: /must be a whole number of minutes, got "sixty"/,
  },
  {
    name: 'a missing title',
    yaml: mutate('title: Asking for help\n', ''),
    rule: 'schema-required',
    message: /Missing required field `title`/,
  },
  {
    name: 'a review date written as a number',
    yaml: mutate("reviewDate: '2027-01-01'", 'reviewDate: 2027'),
    rule: 'schema-type',
    at: 'reviewDate: 2027',
    message: /must be a date written as YYYY-MM-DD, such as 2027-09-01, got 2027/,
  },
  {
    name: 'a misspelt key',
    yaml: mutate('keyStage:', 'keyStag:'),
    rule: 'schema-unknown-key',
    at: 'keyStag',
    message: /Did you mean `keyStage`\?/,
  },
  {
    name: 'a misspelt nested key',
    yaml: mutate('    explanation: |', '    explaination: |'),
    rule: 'schema-unknown-key',
    at: 'explaination',
    message: /Did you mean `explanation`/,
  },
  {
    name: 'a duplicate key',
    yaml: mutate('supervisionLevel: 2', 'supervisionLevel: 2\nsupervisionLevel: 3'),
    rule: 'yaml-duplicate-key',
    at: 'supervisionLevel: 3',
  },
  {
    name: 'an unknown audience',
    yaml: mutate('keyStage: key-stage-3', 'audience: pupil\nkeyStage: key-stage-3'),
    rule: 'schema-value',
    at: 'audience: pupil',
    message: /Did you mean `pupils`/,
  },
  {
    name: 'a locking content code',
    yaml: mutate('[e/rshe-content]', '[n/self-harm]'),
    rule: 'content-guidance-locked',
    at: 'n/self-harm',
  },
  {
    name: 'a toxic content code',
    yaml: mutate('[e/rshe-content]', '[t/guides-self-harm]'),
    rule: 'content-guidance-toxic',
    at: 't/guides',
  },
  {
    name: 'a year outside the key stage',
    yaml: mutate('yearGroups: [8]', 'yearGroups: [8, 10]'),
    rule: 'year-group-key-stage',
    at: 'yearGroups',
  },
  {
    name: 'timed parts over the length',
    yaml: mutate('durationInMinutes: 40', 'durationInMinutes: 45'),
    rule: 'timing-over',
    at: 'durationInMinutes: 50',
  },
  {
    name: 'timed parts well under the length',
    yaml: mutate('durationInMinutes: 40', 'durationInMinutes: 10'),
    rule: 'timing-under',
    at: 'durationInMinutes: 50',
  },
  {
    name: 'self-harm at supervision level 2',
    yaml: mutate('signposts: [childline]', 'signposts: [childline, samaritans]', selfHarm),
    rule: 'self-harm-supervision',
    at: 'supervisionLevel',
  },
  {
    name: 'self-harm without a mental-health signpost',
    yaml: mutate('supervisionLevel: 2', 'supervisionLevel: 3', selfHarm),
    rule: 'self-harm-signpost',
    at: 'x/self-harm',
  },
  {
    name: 'a pupil lesson without dslNotes',
    yaml: mutate('dslNotes: |\n  Inform the DSL before the lesson.\n', ''),
    rule: 'pupil-dsl-notes-required',
  },
  {
    name: 'a pupil lesson without signposts',
    yaml: mutate('signposts: [childline]\n', '').replace(' and :signpost[childline]', ''),
    rule: 'pupil-signposts-required',
  },
  {
    name: 'a pupil lesson without a key stage',
    yaml: mutate('keyStage: key-stage-3\nyearGroups: [8]\n', ''),
    rule: 'pupil-key-stage-required',
  },
  {
    name: 'an outcome without "I can"',
    yaml: mutate('I can name', 'Pupils name'),
    rule: 'pupil-outcome-i-can',
    at: 'Pupils name',
  },
  {
    name: 'an unknown signpost id',
    yaml: mutate('signposts: [childline]', 'signposts: [childlin]'),
    rule: 'signpost-unknown',
    at: 'signposts:',
    message: /Did you mean `childline`/,
  },
  {
    name: 'an unknown inline signpost',
    yaml: mutate(':signpost[childline]', ':signpost[samaritan]'),
    rule: 'signpost-unknown',
    at: ':signpost[samaritan]',
    message: /Did you mean `samaritans`/,
  },
  {
    name: 'an unknown directive',
    yaml: mutate(':::scenario{name="Sam"}', ':::scenaro{name="Sam"}'),
    rule: 'markdown-unknown-directive',
    at: ':::scenaro',
    message: /Did you mean/,
  },
  {
    name: 'an unknown directive attribute',
    yaml: mutate(':::scenario{name="Sam"}', ':::scenario{nmae="Sam"}'),
    rule: 'markdown-directive-attribute',
    at: ':::scenario{nmae',
  },
  {
    name: 'raw HTML',
    yaml: mutate('Sam is worried.', '<script>alert(1)</script>'),
    rule: 'markdown-raw-html',
    at: '<script>',
  },
  {
    name: 'an http link',
    yaml: mutate('Sam is worried.', 'See [this](http://example.com).'),
    rule: 'link-not-https',
    at: 'http://',
  },
  {
    name: 'a javascript: link',
    yaml: mutate('Sam is worried.', 'See [this](javascript:alert(1)).'),
    rule: 'link-unsafe-scheme',
    at: 'javascript:',
  },
  {
    name: 'a remote image',
    yaml: mutate('Sam is worried.', '![A chart](https://example.com/a.png)'),
    rule: 'image-remote',
    at: '![A chart]',
  },
  {
    name: 'an image without alt text',
    yaml: mutate('Sam is worried.', '![](chart.png)'),
    rule: 'image-alt-missing',
    at: '![](chart.png)',
  },
  {
    name: 'a passed review date',
    yaml: mutate("reviewDate: '2027-01-01'", "reviewDate: '2025-01-01'"),
    rule: 'review-date-passed',
    at: 'reviewDate',
  },
  {
    name: 'a bad date',
    yaml: mutate("reviewDate: '2027-01-01'", 'reviewDate: next year'),
    rule: 'schema-format',
    at: 'reviewDate',
    message: /YYYY-MM-DD/,
  },
  {
    name: 'a placeholder left from pshe new',
    yaml: mutate('Trusted adults can help.', "'TODO: write this'"),
    rule: 'unfinished-placeholder',
    at: 'TODO: write',
  },
  {
    name: 'a tab in the indentation',
    yaml: mutate('  - Trusted adults can help.', '\t- Trusted adults can help.'),
    rule: 'yaml-tab-indent',
    at: '\t- Trusted',
  },
  {
    name: 'a YAML syntax error',
    yaml: mutate('title: Asking for help', 'title: [Asking for help'),
    rule: 'yaml-syntax',
  },
];

describe('pshe check rules', () => {
  for (const testCase of cases) {
    it(`should report ${testCase.rule} for ${testCase.name}`, () => {
      const diagnostics = checkLesson(testCase.yaml).filter((d) => d.ruleId === testCase.rule);
      expect(diagnostics, JSON.stringify(checkLesson(testCase.yaml), null, 1)).toHaveLength(1);
      const [found] = diagnostics;
      expect(found.severity).toBe(rules[testCase.rule].severity);
      if (testCase.at) expect(found.line).toBe(lineOf(testCase.yaml, testCase.at));
      if (testCase.message) expect(found.message).toMatch(testCase.message);
    });
  }

  // slide-too-long, like every rule, has its examples in src/lesson/rules/ (tests/lesson/rule-fixtures.test.ts).

  it('should report nothing for the valid lesson', () => {
    expect(checkLesson(validLesson)).toEqual([]);
  });

  it('should point at the column of an inline signpost inside a block scalar', () => {
    const yaml = mutate(':signpost[childline]', ':signpost[nobody]');
    const [found] = checkLesson(yaml).filter((d) => d.ruleId === 'signpost-unknown');
    const line = yaml.split('\n')[found.line - 1];
    expect(line.slice(found.column - 1)).toMatch(/^:signpost\[nobody\]/);
  });

  it('should report duplicate lesson ids across files, pointing back at the first', () => {
    const dir = makeLibrary({
      'unit-a/unit.yaml': 'title: Unit A\nlessons: [asking-for-help]\n',
      'unit-b/unit.yaml': 'title: Unit B\nlessons: [asking-for-help]\n',
      'unit-b/copy.yaml': `id: asking-for-help\n${validLesson}`,
    });
    const found = loadLibrary(dir, { today: '2026-11-26' }).diagnostics.filter(
      (d) => d.ruleId === 'lesson-duplicate-id',
    );
    expect(found).toHaveLength(1);
    expect(found[0].file).toMatch(/unit-b\/copy\.yaml$/);
    expect(found[0].cause?.file).toMatch(/unit-a\/asking-for-help\.yaml$/);
  });

  it('should report a unit naming a missing lesson and a lesson missing from its unit', () => {
    const dir = makeLibrary({ 'unit-a/unit.yaml': 'title: Unit A\nlessons: [asking-for-hlep]\n' });
    const ids = loadLibrary(dir, { today: '2026-11-26' }).diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('unit-missing-lesson');
    expect(ids).toContain('unit-lesson-not-listed');
  });

  it('should warn about a help service verified over 12 months ago', () => {
    const dir = makeLibrary();
    const stale = loadLibrary(dir, { today: '2027-06-02' }).diagnostics.filter((d) => d.ruleId === 'signpost-stale');
    // At each service's `verifiedOn` value, not the start of its entry.
    expect(stale.map((d) => [d.line, d.column])).toEqual([
      [8, 15],
      [15, 15],
    ]);
    expect(loadLibrary(dir, { today: '2027-05-31' }).diagnostics.filter((d) => d.ruleId === 'signpost-stale')).toEqual(
      [],
    );
  });

  it('should say a unit folder is not a library', () => {
    const dir = makeLibrary();
    const [found] = loadLibrary(`${dir}/unit-a`).diagnostics;
    expect(found.ruleId).toBe('library-not-found');
    expect(found.message).toMatch(/unit folder/);
  });
});
