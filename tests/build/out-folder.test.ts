import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, copyExampleLibrary, hashTree, pshe, psheIn } from './helpers.ts';

const MARKER = '.pshe-kit-output';

describe('pshe build --out', () => {
  it('should refuse the library folder, a folder inside it or one holding it, and leave every file as it was', () => {
    const library = copyExampleLibrary();
    const before = hashTree(library);
    for (const [out, said] of [
      [library, /is the library folder/],
      [path.join(library, 'staying-safe-online'), /lies inside the library folder/],
      [path.join(library, 'new-folder'), /lies inside the library folder/],
      [path.dirname(library), /contains the library folder/],
    ] as const) {
      const result = pshe(['build', '--lessons', library, '--out', out]);
      expect(result.status, out).toBe(2);
      expect(result.stderr).toMatch(said);
      expect(result.stdout).toBe('');
    }
    expect(hashTree(library)).toEqual(before);
    expect(existsSync(path.join(library, 'new-folder'))).toBe(false);
  });

  it('should refuse `--out .` in a project folder, and PSHE Kit’s own folder', () => {
    // A project as a school keeps it: its lessons, its notes, and the working folder.
    const project = mkdtempSync(path.join(tmpdir(), 'pshe-project-'));
    cpSync('examples/library', path.join(project, 'lessons'), { recursive: true });
    writeFileSync(path.join(project, 'notes.md'), 'our notes\n');
    const before = hashTree(project);
    const dot = psheIn(project, ['build', '--out', '.']);
    expect(dot.status).toBe(2);
    expect(dot.stderr).toMatch(/refusing to write there: .* contains the library folder/);
    // With the library elsewhere, the working folder itself is still refused.
    const elsewhere = copyExampleLibrary();
    const cwd = psheIn(project, ['build', '--lessons', elsewhere, '--out', '.']);
    expect(cwd.status).toBe(2);
    expect(cwd.stderr).toMatch(/is the working folder/);
    expect(hashTree(project)).toEqual(before);

    const own = psheIn(tmpdir(), ['build', '--lessons', elsewhere, '--out', path.resolve('.')]);
    expect(own.status).toBe(2);
    expect(own.stderr).toMatch(/is PSHE Kit's own folder/);
    const parent = psheIn(tmpdir(), ['build', '--lessons', elsewhere, '--out', path.resolve('..')]);
    expect(parent.status).toBe(2);
    // When the project itself lies in the temporary folder (a CI clone), that parent also holds the
    // library, which is the reason given first: either refusal is right.
    expect(parent.stderr).toMatch(/contains (PSHE Kit's own folder|the library folder)/);
  });

  it('should refuse the school profile’s folder, a file, a link and a folder that is not a previous output', () => {
    const library = copyExampleLibrary();
    const work = mkdtempSync(path.join(tmpdir(), 'pshe-out-'));
    const schoolDir = path.join(work, 'school');
    mkdirSync(schoolDir);
    writeFileSync(path.join(schoolDir, 'school.yaml'), 'name: A school\ndslContact: Room 1\n');
    const school = pshe([
      'build',
      '--lessons',
      library,
      '--school',
      path.join(schoolDir, 'school.yaml'),
      '--out',
      schoolDir,
    ]);
    expect(school.status).toBe(2);
    expect(school.stderr).toMatch(/is the school profile's folder/);

    const file = path.join(work, 'a-file');
    writeFileSync(file, 'keep me\n');
    const onFile = pshe(['build', '--lessons', library, '--out', file]);
    expect(onFile.status).toBe(2);
    expect(onFile.stderr).toMatch(/is a file, not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');

    // Even a link to a previous output: the build would replace the link, not the folder.
    const previous = path.join(work, 'previous');
    mkdirSync(previous);
    writeFileSync(path.join(previous, MARKER), '{"tool":"pshe-kit","version":"0.1.0"}\n');
    const link = path.join(work, 'link');
    symlinkSync(previous, link);
    const onLink = pshe(['build', '--lessons', library, '--out', link]);
    expect(onLink.status).toBe(2);
    expect(onLink.stderr).toMatch(/is a symbolic link/);

    const full = path.join(work, 'photos');
    mkdirSync(full);
    writeFileSync(path.join(full, 'holiday.jpg'), 'not really a photo');
    const onFull = pshe(['build', '--lessons', library, '--out', full]);
    expect(onFull.status).toBe(2);
    expect(onFull.stderr).toMatch(/is not empty and is not a previous PSHE Kit output/);
    expect(readdirSync(full)).toEqual(['holiday.jpg']);
    // A marker that is not PSHE Kit's does not count.
    writeFileSync(path.join(full, MARKER), 'anything\n');
    expect(pshe(['build', '--lessons', library, '--out', full]).status).toBe(2);
    expect(readdirSync(full).sort()).toEqual([MARKER, 'holiday.jpg']);
  });

  it('should hold the default dist/ to the same rules', () => {
    const project = mkdtempSync(path.join(tmpdir(), 'pshe-project-'));
    mkdirSync(path.join(project, 'dist'));
    writeFileSync(path.join(project, 'dist', 'report.docx'), 'work');
    const result = psheIn(project, ['build', '--lessons', copyExampleLibrary()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/dist is not empty and is not a previous PSHE Kit output/);
    expect(readFileSync(path.join(project, 'dist', 'report.docx'), 'utf8')).toBe('work');
  });

  it('should build into an empty folder, mark it, replace it next time, and clear what killed builds left', () => {
    const library = copyExampleLibrary();
    const work = mkdtempSync(path.join(tmpdir(), 'pshe-out-'));
    const out = path.join(work, 'dist');
    mkdirSync(out);
    const first = pshe(['build', '--lessons', library, '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, MARKER), 'utf8'))).toMatchObject({ tool: 'pshe-kit' });

    // What SIGKILLed builds leave beside `out` (a pid that no process has), and look-alikes that must stay.
    const dead = ['dist.pshe-tmp-99999999', 'dist.pshe-tmp-99999999-downloads', 'dist.pshe-tmp-99999999-astro-cache'];
    const kept = [
      `dist.pshe-tmp-${process.pid}`, // a running process: another build, perhaps
      'dist.pshe-tmp-abc',
      'other.pshe-tmp-99999999',
      'dist.pshe-tmp-99999999-notes',
    ];
    for (const name of [...dead, 'dist.pshe-old-99999998', ...kept]) {
      mkdirSync(path.join(work, name));
      writeFileSync(path.join(work, name, 'file'), name);
    }
    const second = pshe(['build', '--lessons', library, '--out', out]);
    expect(second.status, second.stderr).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['dist', ...kept].sort());
    expect(existsSync(path.join(out, MARKER))).toBe(true);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });
});

describe('a build stopped by SIGTERM', () => {
  it('should stop its workers, remove every temporary folder and leave the output as it was', async () => {
    const library = copyExampleLibrary();
    const work = mkdtempSync(path.join(tmpdir(), 'pshe-out-'));
    const out = path.join(work, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, MARKER), '{"tool":"pshe-kit","version":"0.1.0"}\n');
    writeFileSync(path.join(out, 'index.html'), '<p>the last good site</p>');
    const before = hashTree(out);
    const child = spawn(process.execPath, [bin, 'build', '--lessons', library, '--out', out, '--no-cache'], {
      env: { ...process.env, CI: '1', NO_COLOR: '1', PSHE_THREADS: '2' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    // Astro's cache folder is the last of the temporary folders to appear: the site is being built
    // while the worker renders.
    const staging = `dist.pshe-tmp-${child.pid}`;
    const seen = await new Promise<string[]>((resolve, reject) => {
      const poll = setInterval(() => {
        const names = readdirSync(work);
        if (names.includes(`${staging}-astro-cache`)) {
          clearInterval(poll);
          child.kill('SIGTERM');
          resolve(names);
        } else if (child.exitCode !== null) {
          clearInterval(poll);
          reject(new Error(`the build ended before it could be stopped:\n${stderr}`));
        }
      }, 10);
    });
    expect(seen).toEqual(expect.arrayContaining([`${staging}-downloads`, `${staging}-astro-cache`]));
    expect(await exited).toBe(143);
    expect(stderr).toMatch(/interrupted; .* is unchanged/);
    expect(readdirSync(work)).toEqual(['dist']);
    expect(hashTree(out)).toEqual(before);
  });
});
