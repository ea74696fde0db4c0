import fc from 'fast-check';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDownloads } from '../../src/pipeline/render-downloads.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Sandbox } from './harness.ts';
import { makeSandbox, SECRET, tinyPng } from './harness.ts';

/**
 * Random hostile additions to a valid lesson (huge, nested, binary, control
 * characters, paths), each loaded and, when it loads, rendered in full. Every
 * one must give located diagnostics within the check's budget, render within
 * the build's, and never put a byte from outside the library into a download.
 */
const LOAD_MS = 2_000;
const RENDER_MS = 10_000;

const fillers = ['a', ' ', '-', '|', '>', '*', '\n', '#', '[', '`', 'é', '\u{1F600}', '\t', ':'];
const prefixes = ['- ', '> ', '1. ', '  ', '* ', '[', '{', ':::teacher\n'];
const pathsOut = ['../../outside/photo.png', '../../../etc/passwd', '/etc/hostname', '/dev/zero', 'file:///etc/passwd'];
const pathsOdd = ['%ZZ.png', '%2e%2e/%2e%2e/outside/photo.png', 'a\u0000b.png', `${'x'.repeat(5000)}.png`, '.', ''];

const addition = fc.oneof(
  fc.record({
    kind: fc.constant('huge' as const),
    filler: fc.constantFrom(...fillers),
    size: fc.integer({ min: 1_000, max: 400_000 }),
  }),
  fc.record({
    kind: fc.constant('nested' as const),
    prefix: fc.constantFrom(...prefixes),
    depth: fc.integer({ min: 10, max: 5_000 }),
  }),
  fc.record({ kind: fc.constant('binary' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 2_000 }) }),
  fc.record({
    kind: fc.constant('control' as const),
    code: fc.integer({ min: 0, max: 31 }).filter((code) => code !== 9 && code !== 10),
  }),
  fc.record({ kind: fc.constant('path' as const), url: fc.constantFrom(...pathsOut, ...pathsOdd) }),
);
type Addition = typeof addition extends fc.Arbitrary<infer T> ? T : never;

/** Where an addition goes: the summary (markdown), the title (plain text) or a new key. */
const place = fc.constantFrom('summary' as const, 'title' as const, 'key' as const);

function apply(base: string, change: Addition, where: 'summary' | 'title' | 'key'): Uint8Array {
  let inserted: string;
  switch (change.kind) {
    case 'huge':
      inserted = change.filler.repeat(Math.ceil(change.size / change.filler.length));
      break;
    case 'nested':
      inserted = `${change.prefix.repeat(change.depth)}deep`;
      break;
    case 'binary':
      inserted = Buffer.from(change.bytes).toString('latin1');
      break;
    case 'control':
      inserted = `before${String.fromCharCode(change.code)}after`;
      break;
    case 'path':
      inserted = `![A picture](${change.url})`;
      break;
  }
  const quoted = JSON.stringify(inserted);
  const text =
    where === 'title'
      ? base.replace('title: Spotting online scams', `title: ${quoted}`)
      : where === 'key'
        ? `${base}${quoted}: 1\n`
        : base.replace(/^summary: \|\n {2}[^\n]*\n/m, `summary: ${quoted}\n`);
  // Binary additions are written as bytes, so the file may not be UTF-8 at all.
  return change.kind === 'binary' && where === 'key' ? Buffer.from(text, 'latin1') : Buffer.from(text);
}

const sandboxes: Sandbox[] = [];
afterAll(() => {
  for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
});

describe('property: hostile additions to a lesson stay bounded and inside the library', () => {
  it('gives located diagnostics in time, renders in time, and publishes nothing from outside', async () => {
    const sandbox = makeSandbox();
    sandboxes.push(sandbox);
    mkdirSync(path.join(sandbox.unit, 'pics'));
    writeFileSync(path.join(sandbox.unit, 'pics', 'ok.png'), tinyPng);
    const base = readFileSync(sandbox.lesson, 'utf8');
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(addition, place, async (change, where) => {
        const bytes = apply(base, change, where);
        writeFileSync(sandbox.lesson, bytes);
        const lineCount = Buffer.from(bytes).toString('latin1').split('\n').length;

        const started = performance.now();
        const { library, diagnostics } = loadLibrary(sandbox.library, { today: '2026-12-01' });
        expect(performance.now() - started).toBeLessThan(LOAD_MS);
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          if (path.resolve(d.file) === sandbox.lesson) expect(d.line).toBeLessThanOrEqual(lineCount + 1);
          expect(d.ruleId).toMatch(/^[a-z0-9-]+$/);
        }
        const fileDiagnostics = diagnostics.filter((d) => path.resolve(d.file) === sandbox.lesson);
        expect(fileDiagnostics.length).toBeLessThanOrEqual(51);
        if (change.kind === 'path' && pathsOut.includes(change.url) && where === 'summary') {
          expect(diagnostics.some((d) => d.severity === 'error' && d.ruleId.startsWith('image-'))).toBe(true);
        }
        if (change.kind === 'control' && change.code !== 13) {
          expect(diagnostics.some((d) => d.ruleId === 'control-character')).toBe(true);
        }

        for (const lesson of library.lessons) {
          const rendering = performance.now();
          const made = await renderDownloads(lesson, library);
          rendered++;
          expect(performance.now() - rendering).toBeLessThan(RENDER_MS);
          expect(made.files.length).toBeGreaterThan(5);
          for (const file of made.files) {
            expect(Buffer.from(file.bytes).includes(Buffer.from(SECRET)), file.name).toBe(false);
          }
        }
      }),
      { numRuns: 60, seed: 20261201, endOnFailure: true },
    );
    // Some additions are harmless and load: those were rendered in full, not only checked.
    expect(rendered).toBeGreaterThan(5);
  }, 300_000);
});
