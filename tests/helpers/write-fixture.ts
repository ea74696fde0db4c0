import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtureFiles } from '../../src/lesson/rules/fixture-library.ts';
import type { RuleFixture } from '../../src/lesson/rules.ts';

/**
 * A rule example's library written to a new folder: its files, then the
 * folders and links it declares (src/lesson/rules/types.ts). Returns the folder.
 */
export function writeFixture(fixture: RuleFixture): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-rule-'));
  for (const [name, content] of Object.entries(fixtureFiles(fixture))) {
    if (content === null) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  for (const folder of fixture.folders ?? []) mkdirSync(path.join(dir, folder), { recursive: true });
  for (const [name, target] of Object.entries(fixture.links ?? {})) {
    if ('to' in target) symlinkSync(target.to, path.join(dir, name));
    else {
      // A new file outside any library, in a folder of its own under the system's temporary folder.
      const outside = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-outside-')), 'outside');
      writeFileSync(outside, target.outside);
      symlinkSync(outside, path.join(dir, name));
    }
  }
  return dir;
}
