import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import {
  lessonEntrySchema,
  schoolEntrySchema,
  signpostEntrySchema,
  unitEntrySchema,
} from '../../src/site/collections.ts';
import { LibrarySource, librarySource, releaseLibrarySource, useLibrarySource } from '../../src/site/library-source.ts';
import { EmptyLibraryError, lessonLoader, schoolLoader, signpostLoader, unitLoader } from '../../src/site/loader.ts';

const example = path.resolve('examples/library');
const folders: string[] = [];

/** A copy of the example library that a test may change. */
function copyLibrary(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-loader-'));
  cpSync(example, dir, { recursive: true });
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A library source of its own for a test (what `pshe build` and `pshe dev` make with `useLibrarySource`). */
const sourceOf = (dir: string) => new LibrarySource({ dir });

/** The schema of each collection, as content.config.ts gives them to Astro. */
const schemas: Record<string, z.ZodType> = {
  lessons: lessonEntrySchema,
  units: unitEntrySchema,
  signposts: signpostEntrySchema,
  school: schoolEntrySchema,
};

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
  filePath?: string;
}

/** The parts of Astro's LoaderContext our loaders use, with a Map for a store and a silent logger that keeps lines. */
function fakeContext(collection: string, watcher?: EventEmitter & { add(p: string): void }) {
  const entries = new Map<string, Entry>();
  const logs: string[] = [];
  let writes = 0;
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => {
      if (entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      writes += 1;
      return true;
    },
    delete: (id: string) => void entries.delete(id),
    keys: () => [...entries.keys()],
    has: (id: string) => entries.has(id),
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    clear: () => entries.clear(),
  };
  const log = (level: string) => (message: string) => logs.push(`${level}: ${message}`);
  const context = {
    collection,
    store,
    logger: { info: log('info'), warn: log('warn'), error: log('error'), debug: () => {} },
    // Astro's parseData checks an entry against its collection's schema (and throws when it does not fit).
    parseData: async ({ data }: { data: unknown }) => schemas[collection].parse(data),
    generateDigest: (data: unknown) =>
      createHash('sha256')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
    watcher,
  } as unknown as LoaderContext;
  return { context, entries, logs, writes: () => writes };
}

function fakeWatcher() {
  const watcher = new EventEmitter() as EventEmitter & { add(p: string): void; added: string[] };
  watcher.added = [];
  watcher.add = (p: string) => void watcher.added.push(p);
  return watcher;
}

const hasPosition = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some(hasPosition)
    : Boolean(value) &&
      typeof value === 'object' &&
      ('position' in (value as object) || Object.values(value as object).some(hasPosition));

describe('lessonLoader', () => {
  it('should store a small index entry per lesson, with a digest of its YAML, and hand the models to the pages', async () => {
    const dir = copyLibrary();
    const { library } = loadLibrary(dir);
    const { context, entries } = fakeContext('lessons');
    const source = sourceOf(dir);
    await lessonLoader(source).load(context);
    expect([...entries.keys()].sort()).toEqual(library.lessons.map((l) => l.id).sort());
    const lesson = library.lessons[0];
    const stored = entries.get(lesson.id)!;
    expect(stored.data).toEqual({
      id: lesson.id,
      title: lesson.title,
      unit: lesson.unit,
      audience: lesson.audience,
      file: lesson.file,
    });
    // Astro bundles its store into the server build: no markdown trees in it.
    expect(JSON.stringify([...entries.values()]).length).toBeLessThan(2_000);
    expect(stored.digest).toBe(context.generateDigest(lesson.yamlSource));
    const model = source.lesson(lesson.id);
    expect(model.title).toBe(lesson.title);
    expect(model.cycles.length).toBe(lesson.cycles.length);
    expect(() => source.lesson('no-such-lesson')).toThrow(/not handed over/);
  });

  it('should skip a lesson with errors and log where the error is', async () => {
    const dir = copyLibrary();
    const file = path.join(dir, 'staying-safe-online', 'who-can-help.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('supervisionLevel: 2', 'supervisionLevel: 9'));
    const { context, entries, logs } = fakeContext('lessons');
    await lessonLoader(sourceOf(dir)).load(context);
    expect([...entries.keys()]).toEqual(['spotting-online-scams']);
    const error = logs.find((line) => line.startsWith('error:') && line.includes('who-can-help.yaml'));
    expect(error).toMatch(/who-can-help\.yaml:\d+:\d+: error: /);
  });

  it('should fail with a clear error when no lesson can be loaded', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pshe-empty-'));
    folders.push(dir);
    cpSync(path.join(example, 'signposts.yaml'), path.join(dir, 'signposts.yaml'));
    const { context } = fakeContext('lessons');
    await expect(lessonLoader(sourceOf(dir)).load(context)).rejects.toThrow(EmptyLibraryError);
    await expect(lessonLoader(sourceOf(dir)).load(fakeContext('lessons').context)).rejects.toThrow(
      /No lessons could be loaded/,
    );
  });

  it('should re-sync in dev when a lesson changes or is deleted, with one sync function', async () => {
    const dir = copyLibrary();
    const watcher = fakeWatcher();
    const { context, entries, logs } = fakeContext('lessons', watcher);
    await lessonLoader(sourceOf(dir)).load(context);
    expect(watcher.added).toContain(dir);

    const file = path.join(dir, 'staying-safe-online', 'spotting-online-scams.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Spotting online scams', 'title: Spotting scams'));
    watcher.emit('all', 'change', file);
    await expect.poll(() => entries.get('spotting-online-scams')?.data.title, { timeout: 5000 }).toBe('Spotting scams');

    unlinkSync(path.join(dir, 'staying-safe-online', 'who-can-help.yaml'));
    watcher.emit('all', 'unlink', path.join(dir, 'staying-safe-online', 'who-can-help.yaml'));
    await expect.poll(() => entries.has('who-can-help'), { timeout: 5000 }).toBe(false);
    expect(logs.some((line) => line.startsWith('info: Reloaded lessons'))).toBe(true);
  });

  it('should not write entries whose YAML has not changed', async () => {
    const dir = copyLibrary();
    const { context, writes } = fakeContext('lessons');
    const loader = lessonLoader(sourceOf(dir));
    await loader.load(context);
    const first = writes();
    await loader.load(context);
    expect(first).toBeGreaterThan(0);
    expect(writes()).toBe(first);
  });

  it('should use the library pshe build has already loaded, with no second load', async () => {
    const dir = copyLibrary();
    const { library } = loadLibrary(dir);
    const only = { ...library, lessons: library.lessons.slice(0, 1) };
    const { context, entries } = fakeContext('lessons');
    const source = new LibrarySource({ dir, library: only });
    await lessonLoader(source).load(context);
    expect([...entries.keys()]).toEqual([only.lessons[0].id]);
    expect(source.lesson(only.lessons[0].id)).toBe(only.lessons[0]);
  });

  it('should read the library source that pshe build or pshe dev chose when Astro calls it, not when it is made', async () => {
    const dir = copyLibrary();
    const { library } = loadLibrary(dir);
    const only = { ...library, lessons: library.lessons.slice(1, 2) };
    const loader = lessonLoader();
    const source = useLibrarySource({ dir, library: only });
    try {
      const { context, entries } = fakeContext('lessons');
      await loader.load(context);
      expect([...entries.keys()]).toEqual([only.lessons[0].id]);
      expect(librarySource()).toBe(source);
    } finally {
      releaseLibrarySource(source);
    }
    expect(librarySource()).not.toBe(source);
  });

  it('should refuse an entry that does not fit its collection’s schema', async () => {
    const dir = copyLibrary();
    const { library } = loadLibrary(dir);
    const broken = { ...library.lessons[0], audience: 'everyone' } as unknown as (typeof library.lessons)[number];
    const source = new LibrarySource({ dir, library: { ...library, lessons: [broken] } });
    await expect(lessonLoader(source).load(fakeContext('lessons').context)).rejects.toThrow(/audience/);
  });
});

describe('unit, signpost and school loaders', () => {
  it('should store the units, the help services in file order and the school profile', async () => {
    const dir = copyLibrary();
    writeFileSync(
      path.join(dir, 'school.yaml'),
      'name: Example Academy\ndslName: Ms Patel\ndslContact: Room 12, or ask any member of staff\n',
    );
    const units = fakeContext('units');
    const signposts = fakeContext('signposts');
    const school = fakeContext('school');
    const source = sourceOf(dir);
    await unitLoader(source).load(units.context);
    await signpostLoader(source).load(signposts.context);
    await schoolLoader(source).load(school.context);
    expect(units.entries.get('staying-safe-online')?.data.lessons).toEqual(['spotting-online-scams', 'who-can-help']);
    expect(hasPosition(units.entries.get('staying-safe-online')?.data)).toBe(false);
    const services = [...signposts.entries.values()].sort((a, b) => Number(a.data.order) - Number(b.data.order));
    expect(services[0].id).toBe('childline');
    expect(school.entries.get('profile')?.data).toMatchObject({
      school: { name: 'Example Academy', dslName: 'Ms Patel' },
    });
  });

  it('should store an absent school profile as a profile entry with no school', async () => {
    const dir = copyLibrary();
    const school = fakeContext('school');
    await schoolLoader(sourceOf(dir)).load(school.context);
    expect(school.entries.get('profile')?.data).toEqual({});
  });
});
