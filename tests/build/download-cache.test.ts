import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedKey } from '../../src/build/download-cache.ts';

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
