import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDownloads } from '../../src/pipeline/render-downloads.ts';
import { checkLibrary } from '../../src/check/check-lesson.ts';
import { fixtureLessonFile, fixtureToday } from '../../src/lesson/rules/fixture-library.ts';
import { writeFixture } from '../helpers/write-fixture.ts';
import { rules } from '../../src/lesson/rules.ts';
import type { Rule, RuleFixture, RuleId } from '../../src/lesson/rules.ts';
import type { Diagnostic } from '../../src/lesson/types.ts';

/** Where a diagnostic is, as a fixture's `at` says it: the file relative to the library, line and column. */
interface Place {
  file: string;
  line: number;
  column: number;
}

/**
 * Write an example's library to a new folder and check it as `pshe check` does
 * (the loader, then the rules that lay out slides); render it when it asks.
 */
async function run(fixture: RuleFixture): Promise<{ found: (Diagnostic & { place: Place })[] }> {
  const dir = writeFixture(fixture);
  const { library, diagnostics } = checkLibrary(dir, { today: fixture.today ?? fixtureToday });
  const all = [...diagnostics];
  if (fixture.render) {
    const change = fixture.render === true ? (lesson: (typeof library.lessons)[number]) => lesson : fixture.render;
    for (const lesson of library.lessons) all.push(...(await renderDownloads(change(lesson), library)).diagnostics);
  }
  const found = all.map((d) => ({
    ...d,
    place: { file: path.relative(dir, path.resolve(d.file)), line: d.line, column: d.column },
  }));
  return { found };
}

const entries = Object.entries(rules) as [RuleId, Rule][];

describe('every rule has examples', () => {
  it('should give each rule at least one ok and one not-ok example, each not-ok with its place', () => {
    const missing = entries.flatMap(([id, rule]) => [
      ...(rule.fixtures.ok.length > 0 ? [] : [`${id}: no ok example`]),
      ...(rule.fixtures.notOk.length > 0 ? [] : [`${id}: no not-ok example`]),
      ...rule.fixtures.notOk.filter((fixture) => !fixture.at).map((fixture) => `${id}: "${fixture.name}" has no place`),
    ]);
    expect(missing).toEqual([]);
  });
});

describe('rule examples', () => {
  for (const [id, rule] of entries) {
    describe(id, () => {
      for (const fixture of rule.fixtures.notOk) {
        it(`should report ${id} for ${fixture.name}`, async () => {
          const { found } = await run(fixture);
          const reported = found.filter((d) => d.ruleId === id);
          const at = fixture.at;
          const want: Place = { file: at?.file ?? fixtureLessonFile, line: at?.line ?? 0, column: at?.column ?? 0 };
          const summary = found.map(
            (d) => `${d.place.file}:${d.place.line}:${d.place.column} ${d.ruleId} ${d.message}`,
          );
          expect(
            reported.map((d) => d.place),
            summary.join('\n'),
          ).toContainEqual(want);
          for (const d of reported) {
            expect(d.severity).toBe(rule.severity);
            expect(d.source).toBe(rule.source);
          }
        });
      }
      for (const fixture of rule.fixtures.ok) {
        it(`should not report ${id} for ${fixture.name}`, async () => {
          const { found } = await run(fixture);
          expect(
            found
              .filter((d) => d.ruleId === id)
              .map((d) => `${d.place.file}:${d.place.line}:${d.place.column} ${d.message}`),
          ).toEqual([]);
        });
      }
    });
  }
});
