import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLibrary } from '../../src/check/check-lesson.ts';
import { addCapped, slideFitCacheDir } from '../../src/check/slide-fit.ts';
import { capDiagnostics, diagnostic } from '../../src/lesson/diagnostic.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { fixtureFiles, fixtureLessonFile, fixtureToday } from '../../src/lesson/rules/fixture-library.ts';
import { rules } from '../../src/lesson/rules.ts';
import { checkLibraryParallel } from '../../src/pool/check-library.ts';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The rule table's own example of a slide that holds too much, as a library folder. */
function tooLongLibrary(copies = 1): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-check-stage-'));
  folders.push(dir);
  const files = fixtureFiles(rules['slide-too-long'].fixtures.notOk[0]);
  for (const [name, content] of Object.entries(files)) {
    if (content === null) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  // More lessons like it, so a pool of two threads has a share for each.
  const lesson = files[fixtureLessonFile] as string;
  const ids = ['asking-for-help'];
  for (let copy = 1; copy < copies; copy++) {
    ids.push(`asking-for-help-${copy}`);
    writeFileSync(path.join(dir, 'unit-a', `asking-for-help-${copy}.yaml`), lesson);
  }
  writeFileSync(path.join(dir, 'unit-a', 'unit.yaml'), `title: Unit A\nlessons: [${ids.join(', ')}]\n`);
  return dir;
}

const tooLong = (result: { diagnostics: { ruleId: string }[] }) =>
  result.diagnostics.filter((d) => d.ruleId === 'slide-too-long');
const slideFitEntries = () => {
  try {
    return new Set(readdirSync(slideFitCacheDir));
  } catch {
    return new Set<string>();
  }
};

describe('the check stage', () => {
  it('should warn about a slide that holds too much, which the loader alone does not', () => {
    const dir = tooLongLibrary();
    const options = { today: fixtureToday };
    expect(tooLong(loadLibrary(dir, options))).toEqual([]);
    const found = tooLong(checkLibrary(dir, options));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 22, column: 9, severity: 'warning' });
    // Everything else is the loader's.
    const rest = checkLibrary(dir, options).diagnostics.filter((d) => d.ruleId !== 'slide-too-long');
    expect(rest).toEqual(loadLibrary(dir, options).diagnostics);
  });

  it('should keep slide-fit warnings in a cache beside the models, and lay out again without it', () => {
    const dir = tooLongLibrary();
    const options = { today: fixtureToday, modelCache: { read: true } };
    const before = slideFitEntries();
    const first = checkLibrary(dir, options);
    const written = [...slideFitEntries()].filter((name) => !before.has(name) && name.endsWith('.json'));
    expect(written).toHaveLength(1);
    expect(checkLibrary(dir, options)).toEqual(first);
    // Prove the next check reads it: alter the stored warnings (re-hashed, or they are not used).
    const file = path.join(slideFitCacheDir, written[0]);
    const json = JSON.stringify(tooLong(first).map((d) => ({ ...d, message: 'from the cache' })));
    writeFileSync(file, `${createHash('sha256').update(json).digest('hex')}\n${json}`);
    expect(tooLong(checkLibrary(dir, options))[0]).toMatchObject({ message: 'from the cache' });
    // --no-cache (read: false) lays the slides out again and puts the true result back.
    expect(checkLibrary(dir, { ...options, modelCache: { read: false } })).toEqual(first);
    expect(checkLibrary(dir, options)).toEqual(first);
    // An entry cut short is never used.
    writeFileSync(file, '{');
    expect(checkLibrary(dir, options)).toEqual(first);
  });

  it('should give the same result on a pool of threads as on one', async () => {
    const dir = tooLongLibrary(6);
    const options = { today: fixtureToday };
    const one = checkLibrary(dir, options);
    expect(tooLong(one)).toHaveLength(6);
    const threads = process.env.PSHE_THREADS;
    process.env.PSHE_THREADS = '2';
    try {
      const pooled = await checkLibraryParallel(dir, options);
      expect(pooled.diagnostics).toEqual(one.diagnostics);
      expect(pooled.library.units).toEqual(one.library.units);
    } finally {
      if (threads === undefined) delete process.env.PSHE_THREADS;
      else process.env.PSHE_THREADS = threads;
    }
  });

  it('should cap a lesson’s warnings as if the check had found them all together', () => {
    const warning = (line: number) => diagnostic('slide-too-long', 'a.yaml', { line, column: 1 }, `at ${line}`);
    for (const [found, added] of [
      [3, 2],
      [49, 3],
      [50, 1],
      [60, 4],
    ]) {
      const first = Array.from({ length: found }, (_, i) => warning(i + 1));
      const more = Array.from({ length: added }, (_, i) => warning(1000 + i));
      expect(addCapped(capDiagnostics(first), more), `${found} + ${added}`).toEqual(
        capDiagnostics([...first, ...more]),
      );
    }
  });
});
