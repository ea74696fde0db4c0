import { describe, expect, it } from 'vitest';
import { checkLesson } from '../../src/lesson/checks/lesson-checks.ts';
import { lessonPassages } from '../../src/lesson/checks/passages.ts';
import { checkTerminology } from '../../src/lesson/checks/terminology.ts';
import { loadLibraryTerminology } from '../../src/lesson/checks/library-terminology.ts';
import type { TerminologyEntry } from '../../src/lesson/checks/terminology.ts';
import { loadDocument } from '../../src/lesson/load-document.ts';
import { limits } from '../../src/limits.ts';
import type { Diagnostic } from '../../src/lesson/types.ts';
import { makeLibrary, mutate, validLesson } from './fixture.ts';

/**
 * Hostile text for the checks of issue 14 (self-harm help, source notes, the
 * letter home, terminology, reading level): each scan is linear and bounded,
 * so the largest field a lesson may hold (`limits.markdownLength`) costs
 * little, and no check reports more than a file shows.
 */

/** What the lesson checks may cost on one hostile lesson (the loader's budget for a whole file is 2 s). */
const CHECKS_MS = 1000;
/** A markdown field just under the limit. */
const FIELD = limits.markdownLength.value - 1000;

/** `unit` repeated to about `length` characters. */
const fill = (unit: string, length = FIELD) => unit.repeat(Math.floor(length / unit.length));

/** A literal block (`|`) holding `text` on one line, for a field at two spaces' indent. */
const block = (text: string, indent = '  ') => `|\n${indent}${text}\n`;

/** The valid lesson with the first cycle's explanation replaced by `text` (one line). */
const explanation = (text: string) =>
  mutate(
    '      Talk about trusted adults and :signpost[childline].\n\n      :::scenario{name="Sam"}\n      Sam is worried.\n      :::\n',
    `      ${text}\n`,
  );

function run(yaml: string): { diagnostics: Diagnostic[]; ms: number } {
  const loaded = loadDocument('lesson', 'lesson.yaml', Buffer.from(yaml));
  if (!loaded.data || !loaded.source) throw new Error(JSON.stringify(loaded.diagnostics.slice(0, 3)));
  const started = performance.now();
  const diagnostics = checkLesson({ lesson: loaded.data, source: loaded.source, today: '2026-11-26' });
  return { diagnostics, ms: performance.now() - started };
}

const of = (found: { diagnostics: Diagnostic[] }, rule: string) => found.diagnostics.filter((d) => d.ruleId === rule);

describe('the wording checks on hostile text', () => {
  it('should scan a field full of mentions and terms quickly, one error per block and a bounded number of warnings', () => {
    const text = fill('self harm revenge porn, asked for it; suicidal ');
    const found = run(explanation(text));
    expect(found.ms).toBeLessThan(CHECKS_MS);
    expect(of(found, 'self-harm-help-nearby')).toHaveLength(1);
    expect(of(found, 'safeguarding-terminology').length).toBe(limits.diagnosticsPerFile.value);
  });

  it('should place terms quickly on a paragraph of thousands of lines', () => {
    const lines = Array.from({ length: 2000 }, () => 'revenge porn').join('\n      ');
    const found = run(explanation(lines));
    expect(found.ms).toBeLessThan(CHECKS_MS);
    const warnings = of(found, 'safeguarding-terminology');
    expect(warnings.length).toBe(limits.diagnosticsPerFile.value);
    expect(warnings[1].line).toBe(warnings[0].line + 1);
  });

  it('should pair up a field of quotation marks and apostrophes in one pass', () => {
    const found = run(explanation(fill(`"'“‘’”' "revenge porn" don't 'a' `)));
    expect(found.ms).toBeLessThan(CHECKS_MS);
    expect(of(found, 'safeguarding-terminology').length).toBeLessThanOrEqual(limits.diagnosticsPerFile.value);
  });

  it('should score one sentence the length of a field, and a word the length of a field, and cut the sentence shown', () => {
    const sentence = run(explanation(fill('considerations of organisational responsibilities ')));
    expect(sentence.ms).toBeLessThan(CHECKS_MS);
    const [warning] = of(sentence, 'reading-level');
    expect(warning.message).toMatch(/\(\d+ words\): ".{79}…"/);
    const word = run(explanation('x'.repeat(FIELD)));
    expect(word.ms).toBeLessThan(CHECKS_MS);
  });

  it('should stop reading a letter home that repeats its frame thousands of times at what a file shows', () => {
    const letter = fill('Every material we use is available to see on request. ');
    const found = run(`${validLesson}parentLetter: ${block(letter)}`);
    expect(found.ms).toBeLessThan(CHECKS_MS);
    expect(of(found, 'parent-letter-repeats-template')).toHaveLength(limits.diagnosticsPerFile.value);
  });

  it('should look at a source address of 900 KB in linear time', () => {
    const url = `https://example.org/${'a'.repeat(900_000)}`;
    const yaml = `${validLesson}sources:\n  - title: ${'A title '.repeat(100)}\n    url: ${url}.md\n`;
    const found = run(yaml);
    expect(found.ms).toBeLessThan(CHECKS_MS);
    expect(of(found, 'source-internal-note')).toHaveLength(1);
    expect(of(found, 'source-internal-note')[0].message.length).toBeLessThan(400);
  });

  it('should walk 2,000 phrases of eight words that all start alike no deeper than eight words', () => {
    const entries: TerminologyEntry[] = Array.from({ length: 200 }, (_, entry) => ({
      avoid: Array.from({ length: 10 }, (_, n) => `the the the the the the the w${entry}x${n}`),
      instead: 'something else',
      readers: 'everyone',
      allowWhenQuoted: true,
      sources: [{ title: 'A page', publisher: 'A body', url: 'https://example.org/' }],
    }));
    const loaded = loadDocument('lesson', 'lesson.yaml', Buffer.from(explanation(fill('the '))));
    if (!loaded.data || !loaded.source) throw new Error('did not load');
    const passages = lessonPassages(loaded.data, loaded.source);
    const started = performance.now();
    expect(checkTerminology(passages, loaded.source, entries)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(CHECKS_MS);
  });

  it("should refuse a library's terminology.yaml of 6,000 entries quickly, and one of 201 entries at the list", () => {
    const entry = '- avoid: [x]\n  instead: y\n  sources: [{title: t, publisher: p, url: "https://e.org"}]\n';
    for (const [text, rule] of [
      [entry.repeat(6000), 'yaml-too-large'],
      [entry.repeat(201), 'schema-size'],
    ] as const) {
      const dir = makeLibrary({ 'terminology.yaml': text });
      const diagnostics: Diagnostic[] = [];
      const started = performance.now();
      expect(loadLibraryTerminology(dir, diagnostics)).toEqual([]);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(diagnostics.map((d) => d.ruleId)).toContain(rule);
      expect(diagnostics.length).toBeLessThanOrEqual(limits.diagnosticsPerFile.value + 1);
    }
  });
});
