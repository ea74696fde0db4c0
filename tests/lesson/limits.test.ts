import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { limits } from '../../src/limits.ts';
import type { Diagnostic } from '../../src/lesson/types.ts';
import { makeLibrary, validLesson } from './fixture.ts';

/** What a hostile lesson may cost to load (issue 11: 2 s for `pshe check` of a one-lesson library). */
const BUDGET_MS = 2000;

/** Load a library whose one lesson is `content`; its diagnostics and how long the load took. */
function load(content: string) {
  const dir = makeLibrary({ 'unit-a/asking-for-help.yaml': content });
  const started = performance.now();
  const { diagnostics } = loadLibrary(dir, { today: '2026-11-26' });
  const ms = performance.now() - started;
  return { diagnostics: diagnostics.filter((d) => d.file.endsWith('asking-for-help.yaml')), ms };
}

/** 1-based number of the first line of `text` that starts with `prefix`. */
function lineOf(text: string, prefix: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${prefix}`);
  return index + 1;
}

function expectOne(found: { diagnostics: Diagnostic[]; ms: number }, rule: string, line: number, column: number) {
  expect(found.ms).toBeLessThan(BUDGET_MS);
  const hit = found.diagnostics.find((d) => d.ruleId === rule);
  expect(hit, JSON.stringify(found.diagnostics.slice(0, 3))).toBeDefined();
  expect({ line: hit?.line, column: hit?.column }).toEqual({ line, column });
  return hit as Diagnostic;
}

const deep = limits.yamlDepth.value + 1;

describe('limits on YAML', () => {
  it('should call 900 KB of blank lines empty, in linear time', () => {
    expectOne(load('\n'.repeat(900_000)), 'file-empty', 1, 1);
    expectOne(load(' \n# note\n'.repeat(100_000)), 'file-empty', 1, 1);
  });

  it('should stop "- - - …" nested 3,000 deep at the list that goes too deep', () => {
    const yaml = `${validLesson}priorKnowledge:\n${'- '.repeat(3000)}x\n`;
    // The root mapping is level 1; priorKnowledge's list (column 1) is level 2; each "- " one more.
    const found = expectOne(load(yaml), 'yaml-too-deep', lineOf(yaml, '- - '), 1 + 2 * (deep - 2));
    expect(found.message).toContain(String(limits.yamlDepth.value));
  });

  it('should stop a whole file of "- - - …" before the composer recurses', () => {
    expectOne(load(`${'- '.repeat(3000)}x\n`), 'yaml-too-deep', 1, 1 + 2 * (deep - 1));
  });

  it('should stop [[[[…]]]] and {a: {a: …}} nested 3,000 deep', () => {
    const flow = `${validLesson}priorKnowledge: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    expectOne(load(flow), 'yaml-too-deep', lineOf(flow, 'priorKnowledge'), 17 + (deep - 2));
    const maps = `${validLesson}misconceptions: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`;
    expectOne(load(maps), 'yaml-too-deep', lineOf(maps, 'misconceptions'), 17 + 4 * (deep - 2));
  });

  it('should stop block mappings indented 700 deep', () => {
    const lines = Array.from({ length: 700 }, (_, i) => `${' '.repeat(i + 1)}a:`);
    const yaml = `${validLesson}extra:\n${lines.join('\n')} 1\n`;
    // The mapping under "extra" is level 2, on the next line at column 2; level `deep` is deep - 1 lines down.
    expectOne(load(yaml), 'yaml-too-deep', lineOf(yaml, 'extra') + deep - 1, deep);
  });

  it('should stop the parser itself on 900,000 "{" (its stack) and 900,000 "]" (its errors)', () => {
    expectOne(load('{'.repeat(900_000)), 'yaml-too-deep', 1, deep);
    const closers = load(']'.repeat(900_000));
    expectOne(closers, 'yaml-syntax', 1, 1);
    expect(closers.diagnostics.length).toBeLessThanOrEqual(limits.diagnosticsPerFile.value + 1);
    expect(closers.diagnostics.at(-1)?.ruleId).toBe('diagnostics-truncated');
  });

  it('should refuse 20,000 keys at the first key over the limit, quickly', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `zz${i}: 1`);
    const yaml = `${validLesson}${keys.join('\n')}\n`;
    const found = load(yaml);
    const hit = expectOne(found, 'yaml-too-large', found.diagnostics[0].line, 1);
    expect(yaml.split('\n')[hit.line - 1]).toMatch(/^zz\d+: 1$/);
    expect(found.diagnostics).toHaveLength(1);
  });

  it('should report at most the per-file cap of 4,900 unknown keys, errors first, and count the rest', () => {
    const keys = Array.from({ length: 4900 }, (_, i) => `zz${i}: 1`);
    const yaml = `${validLesson}${keys.join('\n')}\n`;
    const found = load(yaml);
    expectOne(found, 'schema-unknown-key', lineOf(yaml, 'zz0:'), 1);
    const cap = limits.diagnosticsPerFile.value;
    expect(found.diagnostics.filter((d) => d.ruleId === 'schema-unknown-key')).toHaveLength(cap);
    const truncated = found.diagnostics.filter((d) => d.ruleId === 'diagnostics-truncated');
    expect(truncated).toHaveLength(1);
    expect(truncated[0]).toMatchObject({ severity: 'warning', line: lineOf(yaml, `zz${cap}:`), column: 1 });
    expect(truncated[0].message).toContain(`${4900 - cap} more problems`);
  });

  it('should find duplicate keys in linear time, at the second key', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `  k${i}: 1`);
    const yaml = `${validLesson}extra:\n${keys.join('\n')}\n  k7: 2\n`;
    const hit = expectOne(load(yaml), 'yaml-duplicate-key', lineOf(yaml, '  k7: 2'), 3);
    expect(hit.message).toContain('`k7`');
  });

  it('should cap lists in the schema (schema-size), well above the starter library', () => {
    const keywords = Array.from({ length: 31 }, (_, i) => `  - keyword: Word ${i}\n    definition: Meaning ${i}.`);
    const yaml = validLesson.replace(
      /keywords:\n(?: {2}- keyword: .*\n {4}definition: .*\n)/,
      `keywords:\n${keywords.join('\n')}\n`,
    );
    const hit = expectOne(load(yaml), 'schema-size', lineOf(yaml, '  - keyword: Word 0'), 3);
    expect(hit.message).toContain('at most 30');
  });
});

describe('limits on markdown', () => {
  const withSummary = (markdown: string) => `${validLesson}summary: |\n${markdown.replace(/^/gm, '  ')}\n`;

  it('should stop "- - - …" nested 3,000 deep in a field before remark-gfm recurses', () => {
    const yaml = withSummary(`${'- '.repeat(3000)}x`);
    expectOne(load(yaml), 'markdown-too-deep', lineOf(yaml, 'summary') + 1, 3);
  });

  it('should stop "> > > …" 3,000 deep, and quotes one over the limit, at the quote too deep', () => {
    const yaml = withSummary(`${'> '.repeat(3000)}x`);
    expectOne(load(yaml), 'markdown-too-deep', lineOf(yaml, 'summary') + 1, 3);
    const over = limits.markdownDepth.value + 1;
    const exact = withSummary(`${'> '.repeat(over)}x`);
    expectOne(load(exact), 'markdown-too-deep', lineOf(exact, 'summary') + 1, 3 + 2 * (over - 1));
    expect(load(withSummary(`${'> '.repeat(over - 1)}x`)).diagnostics).toEqual([]);
  });

  it('should stop nested boxes (:::) at the line that opens one too many', () => {
    const count = 60;
    const open = Array.from({ length: count }, (_, i) => `${':'.repeat(count + 3 - i)}teacher`);
    const close = Array.from({ length: count }, (_, i) => ':'.repeat(4 + i));
    const yaml = withSummary([...open, 'x', ...close].join('\n'));
    const found = load(yaml);
    const hit = expectOne(found, 'markdown-too-deep', found.diagnostics[0].line, 3);
    expect(hit.line - lineOf(yaml, 'summary')).toBeLessThanOrEqual(2 * limits.markdownDepth.value + 1);
  });

  it('should stop a 30 × 300 table at its header, before it is parsed (1,000 rows is over the field length)', () => {
    const rows = Array.from({ length: 30 }, () => `|${'c|'.repeat(300)}`);
    const yaml = withSummary([`|${'h|'.repeat(300)}`, `|${'-|'.repeat(300)}`, ...rows].join('\n'));
    const hit = expectOne(load(yaml), 'table-too-large', lineOf(yaml, 'summary') + 1, 3);
    expect(hit.message).toContain('300 columns');
  });

  it('should stop a table of too many rows at the first row over the limit, parsed or not', () => {
    for (const count of [700, limits.tableRows.value + 5]) {
      const rows = Array.from({ length: count }, (_, i) => `| a${i} | b |`);
      const yaml = withSummary(['| A | B |', '| - | - |', ...rows].join('\n'));
      // Row 1 is the header; row n + 1 is `a${n - 1}`.
      const hit = expectOne(load(yaml), 'table-too-large', lineOf(yaml, `  | a${limits.tableRows.value - 1} |`), 3);
      expect(hit.message).toContain('rows');
    }
  });

  it('should stop a list of 1,500 items (before parsing) or of 105 (after) at the first item over the limit', () => {
    for (const count of [1500, limits.listItems.value + 5]) {
      const yaml = withSummary(Array.from({ length: count }, (_, i) => `- item ${i}`).join('\n'));
      expectOne(load(yaml), 'list-too-long', lineOf(yaml, `  - item ${limits.listItems.value}`), 3);
    }
    expect(
      load(withSummary(Array.from({ length: limits.listItems.value }, (_, i) => `- item ${i}`).join('\n'))).diagnostics,
    ).toEqual([]);
  });

  it('should refuse a markdown field longer than the limit before parsing it (schema-size)', () => {
    const prose = Array.from({ length: 40_000 }, (_, i) => `word ${i}`).join(' ');
    const yaml = `${validLesson}summary: ${prose}\n`;
    const hit = expectOne(load(yaml), 'schema-size', lineOf(yaml, 'summary'), 10);
    expect(hit.message).toContain(`at most ${limits.markdownLength.value} characters`);
  });

  it('should report a 15,000-character word in a markdown field, and a 900-character one in a text field', () => {
    const markdown = `${validLesson}summary: Read ${'a'.repeat(15_000)}\n`;
    const hit = expectOne(load(markdown), 'word-too-long', lineOf(markdown, 'summary'), 15);
    expect(hit.message).toContain(String(limits.wordLength.value));
    const text = validLesson.replace('definition: The member', `definition: ${'b'.repeat(900)} The member`);
    expectOne(load(text), 'word-too-long', lineOf(text, '    definition'), 17);
    // Longer than a plain-text value may be at all: the schema's limit comes first.
    const long = validLesson.replace('definition: The member', `definition: ${'b'.repeat(60_000)} The member`);
    expectOne(load(long), 'schema-size', lineOf(long, '    definition'), 17);
  });

  it('should not count a link address as a word, only its text', () => {
    const url = `https://example.org/${'x'.repeat(400)}`;
    expect(load(`${validLesson}summary: See [the guide](${url}).\n`).diagnostics).toEqual([]);
    const long = `${validLesson}summary: See [${'y'.repeat(200)}](${url}).\n`;
    expectOne(load(long), 'word-too-long', lineOf(long, 'summary'), 15);
  });
});
