import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { LessonResult } from '../../src/lesson/load-library.ts';
import { modelCacheDir } from '../../src/lesson/model-cache.ts';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyLibrary(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-models-'));
  cpSync('examples/library', dir, { recursive: true });
  folders.push(dir);
  return dir;
}

const entries = () => new Set(readdirSync(modelCacheDir).filter((name) => name.endsWith('.v8')));
function safeEntries(): Set<string> {
  try {
    return entries();
  } catch {
    return new Set();
  }
}
const cached = { modelCache: { read: true } };
const lessonFile = (dir: string) => path.join(dir, 'staying-safe-online', 'who-can-help.yaml');
const result = (dir: string, options = cached) => loadLibrary(dir, options);

describe('the model cache', () => {
  it('should give back what the loader gave, from the cache, on the next load', () => {
    const dir = copyLibrary();
    const before = safeEntries();
    const first = result(dir);
    const written = [...safeEntries()].filter((name) => !before.has(name));
    expect(written.length).toBe(first.library.lessons.length);
    expect(result(dir)).toEqual(first);
    expect(loadLibrary(dir)).toEqual(first);

    // Prove the second load reads the cache: alter a stored result and see it come back.
    for (const name of written) {
      const file = path.join(modelCacheDir, name);
      // An entry is its payload's SHA-256, then the payload (model-cache.ts): re-hashed, or it is not used.
      const stored = deserialize(readFileSync(file).subarray(32)) as { result: LessonResult };
      if (stored.result.lesson) stored.result.lesson.title = `${stored.result.lesson.title} (from the cache)`;
      const payload = serialize(stored);
      writeFileSync(file, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    }
    expect(result(dir).library.lessons.every((lesson) => lesson.title.endsWith('(from the cache)'))).toBe(true);
    // --no-cache (read: false) loads again, and puts the true result back.
    expect(result(dir, { modelCache: { read: false } })).toEqual(first);
    expect(result(dir)).toEqual(first);
  });

  it('should load a lesson again when its file changes', () => {
    const dir = copyLibrary();
    result(dir);
    const file = lessonFile(dir);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Draw your circle of trusted adults.', 'Draw your circle.'));
    const lesson = result(dir).library.lessons.find((l) => l.id === 'who-can-help')!;
    expect(JSON.stringify(lesson.cycles[0].practice)).toContain('Draw your circle.');
  });

  it('should not serve a missing-image error once the image is there, nor a lesson once its image has gone', () => {
    const dir = copyLibrary();
    const file = lessonFile(dir);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'Draw your circle of trusted adults.',
        'Draw your circle of trusted adults.\n\n      ![A circle of trusted adults](circle.png)',
      ),
    );
    const missing = result(dir);
    expect(missing.diagnostics.some((d) => d.ruleId === 'image-not-found')).toBe(true);
    expect(missing.library.lessons.map((l) => l.id)).not.toContain('who-can-help');

    const image = path.join(path.dirname(file), 'circle.png');
    // The loader checks that the file is there; the PDFs check what it holds.
    writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const found = result(dir);
    expect(found.diagnostics.some((d) => d.ruleId === 'image-not-found')).toBe(false);
    const lesson = found.library.lessons.find((l) => l.id === 'who-can-help')!;
    expect(lesson.images).toEqual([image]);

    rmSync(image);
    expect(result(dir).diagnostics.some((d) => d.ruleId === 'image-not-found')).toBe(true);
  });
});
