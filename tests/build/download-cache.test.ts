import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dependencyVersions, sharedKey } from '../../src/pipeline/download-cache.ts';

describe('download cache key', () => {
  it('should change when a template changes', () => {
    const templates = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-templates-')), 'templates');
    cpSync('templates', templates, { recursive: true });
    const inputs = { signpostsFile: 'examples/library/signposts.yaml', templatesDir: templates };
    const before = sharedKey(inputs);
    expect(sharedKey(inputs)).toBe(before);
    writeFileSync(path.join(templates, 'lesson.yaml'), '# edited\n', { flag: 'a' });
    expect(sharedKey(inputs)).not.toBe(before);
  });

  it('should change when the help services or the school profile change', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pshe-key-'));
    const signpostsFile = path.join(dir, 'signposts.yaml');
    cpSync('examples/library/signposts.yaml', signpostsFile);
    const schoolFile = path.join(dir, 'school.yaml');
    writeFileSync(schoolFile, 'name: A school\ndslContact: Room 1\n');
    const before = sharedKey({ signpostsFile, schoolFile });
    writeFileSync(schoolFile, 'name: Another school\ndslContact: Room 1\n');
    const afterSchool = sharedKey({ signpostsFile, schoolFile });
    expect(afterSchool).not.toBe(before);
    writeFileSync(signpostsFile, '# edited\n', { flag: 'a' });
    expect(sharedKey({ signpostsFile, schoolFile })).not.toBe(afterSchool);
  });

  it('should change when any code but the website changes', () => {
    const codeDir = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-code-')), 'src');
    cpSync('src', codeDir, { recursive: true });
    const inputs = { signpostsFile: 'examples/library/signposts.yaml', codeDir };
    const before = sharedKey(inputs);
    writeFileSync(path.join(codeDir, 'site', 'styles', 'site.css'), '/* edited */\n', { flag: 'a' });
    expect(sharedKey(inputs)).toBe(before);
    writeFileSync(path.join(codeDir, 'colour.ts'), '// edited\n', { flag: 'a' });
    const afterColour = sharedKey(inputs);
    expect(afterColour).not.toBe(before);
    writeFileSync(path.join(codeDir, 'pdf', 'tables.ts'), '// edited\n', { flag: 'a' });
    expect(sharedKey(inputs)).not.toBe(afterColour);
  });
});

describe('download cache key and the lockfile', () => {
  const lockCopy = () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-lock-')), 'package-lock.json');
    cpSync('package-lock.json', file);
    return file;
  };
  const edit = (file: string, change: (packages: Record<string, Record<string, unknown>>) => void) => {
    const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, Record<string, unknown>> };
    change(lock.packages);
    writeFileSync(file, JSON.stringify(lock));
  };
  const inputs = (lockFile: string) => ({ signpostsFile: 'examples/library/signposts.yaml', lockFile });

  it("should change when a renderer's transitive dependency (pdfkit's png-js, linebreak; fontkit's restructure) changes version", () => {
    const lockFile = lockCopy();
    const before = sharedKey(inputs(lockFile));
    expect(sharedKey(inputs(lockFile))).toBe(before);
    expect(dependencyVersions('.', lockFile)).toBe(dependencyVersions('.'));
    let previous = before;
    for (const name of ['png-js', 'linebreak', 'unicode-trie', 'restructure']) {
      edit(lockFile, (packages) => {
        expect(packages[`node_modules/${name}`], name).toBeDefined();
        packages[`node_modules/${name}`].version = '99.0.0';
      });
      const after = sharedKey(inputs(lockFile));
      expect(after, name).not.toBe(previous);
      previous = after;
    }
  });

  it('should key on the installed packages when there is no lockfile (a copy installed from the registry)', () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-nolock-')), 'package-lock.json');
    const key = dependencyVersions('.', missing);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(dependencyVersions('.', missing)).toBe(key);
    expect(key).not.toBe(dependencyVersions('.'));
  });

  it('should not change when only a development package changes', () => {
    const lockFile = lockCopy();
    const before = sharedKey(inputs(lockFile));
    edit(lockFile, (packages) => {
      expect(packages['node_modules/vitest'].dev).toBe(true);
      packages['node_modules/vitest'].version = '99.0.0';
    });
    expect(sharedKey(inputs(lockFile))).toBe(before);
  });
});
