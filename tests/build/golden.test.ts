import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/**
 * Every file the example library builds to, by SHA-256: a refactor must give
 * the same bytes (PDFs, PowerPoint, zips, pages). A change made on purpose
 * is recorded by running this test with UPDATE_GOLDEN=1 and committing the
 * new list, so the diff shows exactly which files it changed.
 */
const golden = path.resolve('tests/build/golden-example.json');

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const name = path.relative(dir, file).split(path.sep).join('/');
    // Search's index is Pagefind's own binary format, rebuilt from the pages compared here.
    if (name.startsWith('pagefind/')) continue;
    out[name] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('the example library builds to the same bytes', () => {
  it('should match tests/build/golden-example.json (UPDATE_GOLDEN=1 records an intended change)', () => {
    const built = digests(inject('siteDir'));
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, `${JSON.stringify(built, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(golden, 'utf8')) as Record<string, string>;
    const changed = Object.keys({ ...expected, ...built }).filter((name) => expected[name] !== built[name]);
    expect(changed).toEqual([]);
  });
});
