import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renameSummary, renamesFromFlags } from '../../src/cli/rename-flags.ts';
import { main } from '../../src/cli/main.ts';
import { parseFlags, UsageError } from '../../src/cli/flags.ts';
import { buildFlags } from '../../src/cli/commands/build-flags.ts';
import { prepareLibrary } from '../../src/lesson/load-library.ts';
import type { Lesson } from '../../src/lesson/types.ts';
import { BuildPool } from '../../src/pipeline/build-pool.ts';
import { lessonKey, sharedKey } from '../../src/pipeline/download-cache.ts';
import { flat, pages } from '../pdf/helpers.ts';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const library = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-rename-build-')), 'library');
folders.push(path.dirname(library));
cpSync('examples/library', library, { recursive: true });

/**
 * The downloads phase of `pshe build` on the example library, as the command
 * runs it: the lessons' context (with the renames) goes to a pool of two
 * threads, each renders its share through the download cache. The site is
 * not built (it reads the same models: `alongside`). Returns each lesson's
 * handout text and whether its downloads came from the cache.
 */
async function build(renames: Record<string, string>) {
  const out = mkdtempSync(path.join(tmpdir(), 'pshe-rename-out-'));
  folders.push(out);
  const threads = process.env.PSHE_THREADS;
  process.env.PSHE_THREADS = '2';
  const prepared = prepareLibrary(library, { today: '2026-11-26', modelCache: { read: true }, renames });
  const pool = new BuildPool(prepared);
  try {
    const { library: loaded, diagnostics } = await pool.load();
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const key = sharedKey({ signpostsFile: path.join(library, 'signposts.yaml') });
    let site: Lesson[] = [];
    const rendered = await pool.render(loaded, { sharedKey: key, outDir: out, useCache: true }, async (lessons) => {
      site = lessons;
    });
    const handout = (id: string) => flat(pages(readFileSync(path.join(out, id, `${id}-handout.pdf`))).join(' '));
    return {
      scams: handout('spotting-online-scams'),
      help: handout('who-can-help'),
      fromCache: new Map(rendered.downloads.map((d) => [d.id, d.fromCache])),
      site,
    };
  } finally {
    await pool.stop();
    if (threads === undefined) delete process.env.PSHE_THREADS;
    else process.env.PSHE_THREADS = threads;
  }
}

/** What `run` writes to `stream`, which is kept from the terminal meanwhile. */
async function captured(stream: NodeJS.WriteStream, run: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const spy = vi.spyOn(stream, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return written.join('');
}

describe('pshe build --rename and the download cache', () => {
  it('should give renamed downloads after a build without renames, from every thread, and plain ones after', async () => {
    const plain = await build({});
    expect(plain.scams).toContain("Write down two warning signs in Ava's message.");
    expect(plain.help).toContain('Who could Leo talk to?');

    // Ava is in the lesson this thread renders, Leo in the worker's.
    const renamed = await build({ Ava: 'Zoe', Leo: 'Sam' });
    expect(renamed.scams).toContain("Write down two warning signs in Zoe's message.");
    expect(renamed.scams).not.toMatch(/\bAva\b/);
    expect(renamed.help).toContain('Who could Sam talk to?');
    expect(renamed.help).not.toMatch(/\bLeo\b/);
    // The site gets the renamed models too, each saying what was renamed.
    expect(renamed.site.map((lesson) => [lesson.id, lesson.renames])).toEqual([
      ['spotting-online-scams', [{ Ava: 'Zoe' }]],
      ['who-can-help', [{ Leo: 'Sam' }]],
    ]);

    // A lesson the renames do not touch is the same lesson: its downloads come from the cache.
    const partly = await build({ Ava: 'Zoe', Priya: 'Noor' });
    expect(partly.fromCache.get('who-can-help')).toBe(true);
    expect(partly.help).toContain('Who could Leo talk to?');
    expect(partly.scams).toContain("Zoe's message");

    const again = await build({});
    expect(again.fromCache.get('spotting-online-scams')).toBe(true);
    expect(again.scams).toContain("Write down two warning signs in Ava's message.");
    expect(again.scams).not.toMatch(/\bZoe\b/);
  });
});

describe("a lesson's download cache key", () => {
  it('should hold the renames that changed the model, not only its YAML text', () => {
    const [lesson] = prepareLibrary(library, { today: '2026-11-26' }).jobs.map((job) => ({
      file: job.file,
      yamlSource: readFileSync(job.file, 'utf8'),
    })) as Lesson[];
    const key = sharedKey({ signpostsFile: path.join(library, 'signposts.yaml') });
    // Same text, as when a lesson written with the new names meets a renamed one.
    const renamed = { ...lesson, renames: [{ Ava: 'Zoe' }] };
    expect(lessonKey(key, renamed)).not.toBe(lessonKey(key, { ...lesson }));
    expect(lessonKey(key, { ...renamed })).toBe(lessonKey(key, renamed));
  });
});

describe('--rename OLD=NEW', () => {
  it('should be repeatable, each value kept in order', () => {
    const { values } = parseFlags(['--rename', 'Jay=Alex', '--lessons', 'x', '--rename=Sam=Kim'], buildFlags);
    expect(values.rename).toEqual(['Jay=Alex', 'Sam=Kim']);
    expect(renamesFromFlags(values.rename as string[])).toEqual({ Jay: 'Alex', Sam: 'Kim' });
    expect(parseFlags(['--lessons', 'x'], buildFlags).values.rename).toBeUndefined();
  });

  it('should take 10,000 pairs in a moment', () => {
    const argv = Array.from({ length: 10_000 }, (_, i) => [
      '--rename',
      `Na${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[+d])}=Ze${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[+d])}`,
    ]).flat();
    const started = performance.now();
    const renames = renamesFromFlags(parseFlags(argv, buildFlags).values.rename as string[]);
    expect(Object.keys(renames)).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['Jay', /needs the old name and the new one: --rename OLD=NEW/],
    ['=Alex', /the old name "" is empty/],
    ['Jay=', /the new name "" is empty/],
    ['Jay.*=Alex', /the old name "Jay\.\*" is not a first name/],
    ['Jay=(Alex)', /the new name "\(Alex\)" is not a first name/],
    ['jay=Alex', /is not a first name of 2 to 40 characters: letters, starting with a capital/],
    [`Jay=${'A'.repeat(41)}`, /is over 40 characters long/],
    ['Jay=Jay', /gives Jay the name they have/],
    ['Jay=Алекс中', /the PDFs' font cannot draw "中" \(U\+4E2D\)/],
  ])('should refuse --rename %s, saying why', (value, message) => {
    expect(() => renamesFromFlags([value])).toThrow(UsageError);
    expect(() => renamesFromFlags([value])).toThrow(message);
  });

  it('should accept a name of 40 characters, hyphens and apostrophes', () => {
    expect(renamesFromFlags([`Jay=${'A'.repeat(40)}`, "Sam=D'Arcy", 'Kai = Mary-Jane'])).toEqual({
      Jay: 'A'.repeat(40),
      Sam: "D'Arcy",
      Kai: 'Mary-Jane',
    });
  });

  it('should refuse a character renamed twice, and two characters given one name', () => {
    expect(() => renamesFromFlags(['Jay=Alex', 'Jay=Sam'])).toThrow(/Jay is renamed twice/);
    expect(() => renamesFromFlags(['Jay=Alex', 'Sam=Alex'])).toThrow(/Two characters would both be called Alex/);
    expect(() => renamesFromFlags(['Jay=Alex', 'Sam=Jay'])).not.toThrow();
  });

  it('should make `pshe build` stop with exit status 2 and the usage line, before reading anything', async () => {
    const said = await captured(process.stderr, async () => {
      expect(await main(['build', '--lessons', 'no-such-folder', '--rename', 'Jay=Jay'])).toBe(2);
    });
    expect(said).toContain('pshe build: `--rename Jay=Jay` gives Jay the name they have.');
    expect(said).toContain(
      'Usage: pshe build [--lessons DIR] [--out DIR] [--school FILE] [--rename OLD=NEW]… [--no-cache]',
    );
  });

  it('should be in `pshe build --help` and `pshe dev --help`', async () => {
    const help = await captured(process.stdout, async () => {
      expect(await main(['build', '--help'])).toBe(0);
      expect(await main(['dev', '--help'])).toBe(0);
    });
    expect(help).toMatch(
      /--rename OLD=NEW\s+rename a character in every lesson and download, such as Jay=Alex \(repeatable\)/,
    );
    expect(help).toContain('Usage: pshe dev [--lessons DIR] [--school FILE] [--rename OLD=NEW]… [--port PORT]');
  });

  it('should summarise what was renamed, and name a rename that changed nothing (a misspelt name)', () => {
    const lessons = [{ renames: [{ Jay: 'Alex' }] }, { renames: [{ Jay: 'Alex', Sam: 'Kim' }] }, {}];
    expect(renameSummary({ Jay: 'Alex', Sam: 'Kim', Jya: 'Ola' }, lessons)).toBe(
      "Renamed: Jay → Alex in 2 lessons; Sam → Kim in 1 lesson.\nNo lesson was changed by renaming Jya: only a lesson's characters (its scenarios' names and `characters`) are renamed, and never to the name of another of its characters. Check the spelling (names are matched as written, capital first).\n",
    );
    expect(renameSummary({}, lessons)).toBe('');
  });
});
