import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCached, downloadCacheDir, readCached, writeCached } from '../../src/pipeline/download-cache.ts';
import { makeLibrary, validLesson } from '../lesson/fixture.ts';
import { png } from '../helpers/png.ts';
import { pngClaiming } from '../hostile/harness.ts';
import { copyExampleLibrary, hashTree, psheIn, tempOut } from './helpers.ts';

/**
 * A working folder whose node_modules links to every package of this one but
 * holds a cache of its own (the site's build resolves packages from there).
 */
function isolatedProject(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'pshe-cache-'));
  mkdirSync(path.join(cwd, 'node_modules'));
  for (const name of readdirSync('node_modules')) {
    if (name !== '.cache') symlinkSync(path.resolve('node_modules', name), path.join(cwd, 'node_modules', name));
  }
  return cwd;
}

/** Every file of every entry in a private download cache. */
function cachedFiles(cwd: string): string[] {
  const dir = path.join(cwd, 'node_modules/.cache/pshe-kit/downloads');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== 'manifest.json')
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the download cache', () => {
  const key = `test-${process.pid}-${Date.now()}`;
  const files = [
    { name: 'a-handout.pdf', bytes: new TextEncoder().encode('%PDF-1.7 a whole handout %%EOF') },
    { name: 'a-pack.zip', bytes: new Uint8Array([80, 75, 5, 6, 0, 0, 0, 0]) },
  ];

  it('should copy an entry whose files match their hashes, and nothing from one that does not', () => {
    writeCached(key, files);
    const good = mkdtempSync(path.join(tmpdir(), 'pshe-copy-'));
    expect(copyCached(key, good)).toEqual(['a-handout.pdf', 'a-pack.zip']);
    expect(readFileSync(path.join(good, 'a-handout.pdf'))).toEqual(Buffer.from(files[0].bytes));

    // Cut in half (a full disk, a killed copy): not used.
    const handout = path.join(downloadCacheDir, key, 'a-handout.pdf');
    truncateSync(handout, 10);
    const cut = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-copy-')), 'lesson');
    expect(copyCached(key, cut)).toBeUndefined();
    expect(existsSync(cut)).toBe(false);

    // Same size, other bytes: not used either.
    writeCached(key, files);
    writeFileSync(
      handout,
      Buffer.from(files[0].bytes).map((byte) => byte ^ 1),
    );
    expect(readCached(key)).toBeUndefined();

    // A manifest of the old kind (names only), or one naming a path outside the entry.
    writeCached(key, files);
    const manifest = path.join(downloadCacheDir, key, 'manifest.json');
    writeFileSync(manifest, JSON.stringify(['a-handout.pdf']));
    expect(readCached(key)).toBeUndefined();
    writeFileSync(manifest, JSON.stringify([{ name: '../../../package.json', size: 1, sha256: '0' }]));
    expect(readCached(key)).toBeUndefined();
  });

  it('should render again, never copy, downloads cut short in the cache', () => {
    const cwd = isolatedProject();
    const library = copyExampleLibrary();
    const out = path.join(cwd, 'site');
    const first = psheIn(cwd, ['build', '--lessons', library, '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    const good = hashTree(path.join(out, 'downloads'));
    const damaged = cachedFiles(cwd).filter((file) => file.endsWith('-handout.pdf'));
    expect(damaged.length).toBe(2);
    for (const file of damaged) truncateSync(file, Math.floor(readFileSync(file).length / 2));
    const second = psheIn(cwd, ['build', '--lessons', library, '--out', out]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/2 lessons rendered, 0 from the cache/);
    expect(hashTree(path.join(out, 'downloads'))).toEqual(good);
    // A freshly rendered file and its cache entry share their bytes on disk (a hard link): one edited
    // in place in the output (as some editors save) is rendered again, never copied back.
    const handouts = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.name.endsWith('-handout.pdf'))
        .map((entry) => path.join(entry.parentPath, entry.name));
    const edit = (file: string) =>
      writeFileSync(file, readFileSync(file).toString('latin1').replace('%%EOF', '%%EOX'), 'latin1');
    edit(handouts(path.join(out, 'downloads'))[0]);
    const third = psheIn(cwd, ['build', '--lessons', library, '--out', out]);
    expect(third.status, third.stderr).toBe(0);
    expect(third.stderr).toMatch(/1 lesson rendered, 1 from the cache/);
    expect(hashTree(path.join(out, 'downloads'))).toEqual(good);
    // What comes out of the cache is a copy: editing it changes neither the cache nor another output.
    const other = tempOut();
    const fourth = psheIn(cwd, ['build', '--lessons', library, '--out', other]);
    expect(fourth.stderr).toMatch(/0 lessons rendered, 2 from the cache/);
    for (const file of handouts(path.join(other, 'downloads'))) edit(file);
    const fifth = psheIn(cwd, ['build', '--lessons', library, '--out', out]);
    expect(fifth.stderr).toMatch(/0 lessons rendered, 2 from the cache/);
    expect(hashTree(path.join(out, 'downloads'))).toEqual(good);
    // Five builds: 35–45 s on a quick machine, past a minute on the slowest seen (2026-12-02).
  }, 180_000);
});

describe('the check cache', () => {
  const today = '2026-11-26';

  it('should notice a change in the file a linked lesson points to', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'pshe-cache-'));
    const dir = makeLibrary();
    // The link's target is in the library (links out of it are refused) but not a .yaml file of its own.
    const elsewhere = path.join(dir, 'unit-a', 'asking-for-help.draft');
    renameSync(path.join(dir, 'unit-a/asking-for-help.yaml'), elsewhere);
    symlinkSync(elsewhere, path.join(dir, 'unit-a/asking-for-help.yaml'));
    const first = psheIn(cwd, ['check', '--lessons', dir, '--today', today]);
    expect(first.status, first.stdout).toBe(0);
    writeFileSync(elsewhere, validLesson.replace('supervisionLevel: 2', 'supervisionLevel: 9'));
    const edited = psheIn(cwd, ['check', '--lessons', dir, '--today', today]);
    expect(edited.status).toBe(1);
    expect(edited.stdout).toMatch(/supervisionLevel.*at most 4/);
  });

  it('should notice an image whose bytes changed, not only one added or removed', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'pshe-cache-'));
    const dir = makeLibrary({
      'unit-a/asking-for-help.yaml': validLesson.replace(
        '      Talk about trusted adults',
        '      ![A chart of trusted adults](chart.png)\n\n      Talk about trusted adults',
      ),
      'unit-a/chart.png': png(40, 20),
    });
    const check = () => psheIn(cwd, ['check', '--lessons', dir, '--today', today]);
    const first = check();
    expect(first.status, first.stdout).toBe(0);
    expect(check().stdout).toBe(first.stdout);
    // Same name, a picture of another size: now over the limit in pixels.
    writeFileSync(path.join(dir, 'unit-a/chart.png'), pngClaiming(20_000, 20_000));
    const changed = check();
    expect(changed.status, changed.stdout).toBe(1);
    expect(changed.stdout).toMatch(/chart\.png.*pixels.*\[image-too-large\]/);
  });

  it('should not use a check cache entry that was altered', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'pshe-cache-'));
    const dir = makeLibrary({
      'unit-a/asking-for-help.yaml': validLesson.replace('supervisionLevel: 2', 'supervisionLevel: 9'),
    });
    const first = psheIn(cwd, ['check', '--lessons', dir, '--today', today]);
    expect(first.status).toBe(1);
    const checkDir = path.join(cwd, 'node_modules/.cache/pshe-kit/check');
    const [entry] = readdirSync(checkDir);
    const file = path.join(checkDir, entry);
    const text = readFileSync(file, 'utf8');
    // Someone (or a bad disk) empties the diagnostics: the entry no longer matches its hash.
    writeFileSync(file, text.replace(/"diagnostics":\[.*\],"assets"/, '"diagnostics":[],"assets"'));
    expect(readFileSync(file, 'utf8')).not.toBe(text);
    const second = psheIn(cwd, ['check', '--lessons', dir, '--today', today]);
    expect(second.status).toBe(1);
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('the model cache', () => {
  it('should not use an entry that was cut short or altered', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'pshe-cache-'));
    const dir = makeLibrary();
    const first = psheIn(cwd, ['check', '--lessons', dir, '--today', '2026-11-26', '--no-cache']);
    expect(first.status, first.stdout).toBe(0);
    const modelDir = path.join(cwd, 'node_modules/.cache/pshe-kit/models');
    const entries = readdirSync(modelDir).filter((name) => name.endsWith('.v8'));
    expect(entries.length).toBe(1);
    const file = path.join(modelDir, entries[0]);
    const bytes = readFileSync(file);
    // The model's title, altered in place: a v8 string of the same length.
    const at = bytes.indexOf('Asking for help');
    expect(at).toBeGreaterThan(0);
    bytes.write('Hacked for help', at, 'latin1');
    writeFileSync(file, bytes);
    // --no-cache skips the check cache, not the model cache's reads: `check` with the cache reads both.
    spoilCheckCache(cwd);
    const second = psheIn(cwd, ['check', '--lessons', dir, '--today', '2026-11-26', '--format', 'json']);
    expect(second.status).toBe(0);
    expect(readFileSync(file).indexOf('Hacked for help')).toBe(-1);
    truncateSync(file, 100);
    spoilCheckCache(cwd);
    const third = psheIn(cwd, ['check', '--lessons', dir, '--today', '2026-11-26']);
    expect(third.stdout).toBe(first.stdout);
  });
});

function spoilCheckCache(cwd: string) {
  const checkDir = path.join(cwd, 'node_modules/.cache/pshe-kit/check');
  mkdirSync(checkDir, { recursive: true });
  for (const name of readdirSync(checkDir)) writeFileSync(path.join(checkDir, name), 'x');
}
