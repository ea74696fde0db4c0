import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALWAYS_COVERED_BELOW, missingGlyphs, pdfCoverage } from '../../src/fonts/coverage.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { makeLibrary, validLesson } from './fixture.ts';

function glyphWarnings(yaml: string) {
  const started = performance.now();
  const { diagnostics } = loadLibrary(makeLibrary({ 'unit-a/asking-for-help.yaml': yaml }), { today: '2026-11-26' });
  expect(performance.now() - started).toBeLessThan(2000);
  return diagnostics.filter((d) => d.ruleId === 'glyph-missing');
}

describe('glyph-missing', () => {
  it('should warn once per missing character per field, naming it, at its line and column', () => {
    const yaml = validLesson
      .replace('title: Asking for help', 'title: Asking 🦄 for 🦄 help 中')
      .replace('      Talk about trusted adults', '      Talk 中文 about 🦄 trusted adults');
    const found = glyphWarnings(yaml);
    expect(found.map((d) => [d.line, d.column, d.actual])).toEqual([
      [1, 15, 'U+1F984'],
      [1, 30, 'U+4E2D'],
      [22, 12, 'U+4E2D'],
      [22, 13, 'U+6587'],
      [22, 21, 'U+1F984'],
    ]);
    expect(found[0]).toMatchObject({ severity: 'warning' });
    expect(found[0].message).toContain('U+1F984 (🦄)');
  });

  it('should not warn for what the fonts draw: Latin, curly quotes, dashes, Greek, and the emoji DejaVu has', () => {
    const yaml = validLesson.replace('title: Asking for help', 'title: “Asking” – for help… Ωµ é 😀');
    expect(glyphWarnings(yaml)).toEqual([]);
  });

  it('should cover every character below the fast path bound, and be built once', () => {
    const covered = pdfCoverage();
    for (let code = 0x20; code < ALWAYS_COVERED_BELOW; code++) {
      if (code >= 0x7f && code < 0xa0) continue;
      expect(covered.has(code), code.toString(16)).toBe(true);
    }
    expect(pdfCoverage()).toBe(covered);
    expect(missingGlyphs('plain text, no look-up')).toEqual([]);
  });

  it('should stay cheap on a field of many distinct missing characters', () => {
    const cjk = Array.from({ length: 20_000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const started = performance.now();
    expect(missingGlyphs(cjk).length).toBeGreaterThan(19_000);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('should keep the check apart from the PDF renderer (one-way data flow)', () => {
    const files = [
      ...readdirSync('src/fonts').map((name) => path.join('src/fonts', name)),
      'src/lesson/checks/text-checks.ts',
      'src/lesson/parse-fields.ts',
    ];
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '[^']*\/pdf\//);
  });
});
