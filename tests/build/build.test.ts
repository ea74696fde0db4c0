import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputsFor } from '../../src/outputs.ts';
import { copyExampleLibrary, hashTree, pshe, tempOut } from './helpers.ts';

const ids = ['spotting-online-scams', 'who-can-help'];
// Both example lessons are pupil lessons: the contract is the output registry's list for pupils.
const pupilOutputs = outputsFor('pupils');
const perLesson = pupilOutputs.map((output) => output.suffix);
const packed = pupilOutputs.filter((output) => output.inPack).map((output) => output.suffix);

describe('pshe build', () => {
  let library: string;
  let out: string;
  let first: ReturnType<typeof pshe>;

  beforeAll(() => {
    library = copyExampleLibrary();
    out = tempOut();
    first = pshe(['build', '--lessons', library, '--out', out, '--no-cache']);
  });

  it('should build every path in the contract from the example library', () => {
    expect(first.status, first.stderr).toBe(0);
    const pages = [
      'index.html',
      'signposting/index.html',
      'curriculum/index.html',
      'glossary/index.html',
      'units/staying-safe-online/index.html',
    ];
    for (const id of ids)
      pages.push(`lessons/${id}/index.html`, `lessons/${id}/handout/index.html`, `lessons/${id}/slides/index.html`);
    for (const page of pages) expect(existsSync(path.join(out, page)), page).toBe(true);
    for (const id of ids) {
      for (const suffix of perLesson)
        expect(existsSync(path.join(out, 'downloads', id, `${id}-${suffix}`)), `${id}-${suffix}`).toBe(true);
      // Nothing the registry does not list.
      expect(readdirSync(path.join(out, 'downloads', id)).sort()).toEqual(perLesson.map((s) => `${id}-${s}`).sort());
    }
    expect(existsSync(path.join(out, 'downloads/units/staying-safe-online-pack.zip'))).toBe(true);
    expect(existsSync(path.join(out, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('should put the downloads, the YAML, a README and both licences in a lesson pack', () => {
    const zip = unzipSync(readFileSync(path.join(out, 'downloads/who-can-help/who-can-help-pack.zip')));
    expect(Object.keys(zip).sort()).toEqual(
      [
        ...packed.map((s) => `who-can-help-${s}`),
        'who-can-help.yaml',
        'README.md',
        'LICENSE.txt',
        'LICENSE-CONTENT.md',
      ].sort(),
    );
    const readme = new TextDecoder().decode(zip['README.md']);
    expect(readme).toMatch(/content guidance/i);
    expect(readme).toMatch(/Childline/);
    expect(readme).toMatch(/Never view, copy or share an image/);
    for (const output of pupilOutputs.filter((o) => o.inPack))
      expect(readme).toContain(`- \`who-can-help-${output.suffix}\`: ${output.packReadme}\n`);
    const unit = unzipSync(readFileSync(path.join(out, 'downloads/units/staying-safe-online-pack.zip')));
    expect(Object.keys(unit)).toEqual(
      expect.arrayContaining(['spotting-online-scams-pack.zip', 'who-can-help-pack.zip']),
    );
  });

  it("should make each PDF on the registry's page: A4 or a 16:9 slide", () => {
    for (const output of pupilOutputs.filter((o) => o.kind === 'PDF')) {
      const file = path.join(out, 'downloads/who-can-help', `who-can-help-${output.suffix}`);
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
      const [width, height] = [Number(size?.[1]), Number(size?.[2])];
      if (output.page === 'A4') expect([Math.round(width), Math.round(height)], output.suffix).toEqual([595, 842]);
      else expect(width / height, output.suffix).toBeCloseTo(16 / 9, 2);
    }
  });

  it('should print a plain line per phase without a terminal, then a summary', () => {
    for (const phase of ['check', 'downloads', 'site', 'search index', 'unit packs']) {
      expect(first.stderr).toMatch(new RegExp(`pshe build: ${phase} done in [\\d.]+ s`));
    }
    expect(first.stdout).toMatch(/Built .*: \d+ pages, \d+ files, [\d.]+ MB in [\d.]+ s/);
  });

  it('should give the same bytes for every PDF, PowerPoint and zip on a second build', () => {
    const second = tempOut();
    const result = pshe(['build', '--lessons', library, '--out', second, '--no-cache']);
    expect(result.status, result.stderr).toBe(0);
    const a = hashTree(path.join(out, 'downloads'));
    const b = hashTree(path.join(second, 'downloads'));
    expect(Object.keys(a).length).toBeGreaterThan(15);
    expect(b).toEqual(a);
  });

  it('should give the same site and downloads when the lessons are shared between threads', () => {
    // Two threads for two lessons: the worker renders its lesson while this thread builds the
    // site, then takes this thread's lesson too; a second build copies both from the cache.
    for (const [flags, said] of [
      [['--no-cache'], /downloads done in [\d.]+ s \(2 lessons rendered, 0 from the cache\)/],
      [[], /downloads done in [\d.]+ s \(0 lessons rendered, 2 from the cache\)/],
    ] as const) {
      const shared = tempOut();
      const result = pshe(['build', '--lessons', library, '--out', shared, ...flags], { PSHE_THREADS: '2' });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toMatch(said);
      expect(hashTree(path.join(shared, 'downloads'))).toEqual(hashTree(path.join(out, 'downloads')));
      for (const id of ids) {
        for (const page of ['index.html', 'handout/index.html', 'slides/index.html']) {
          const file = path.join('lessons', id, page);
          expect(readFileSync(path.join(shared, file), 'utf8'), file).toBe(readFileSync(path.join(out, file), 'utf8'));
        }
      }
    }
  });

  it('should leave the previous output byte for byte when a lesson has an error', () => {
    const before = hashTree(out);
    const file = path.join(library, 'staying-safe-online/who-can-help.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('durationInMinutes: 45', 'durationInMinutes: forty-five'));
    try {
      const failed = pshe(['build', '--lessons', library, '--out', out]);
      expect(failed.status).toBe(1);
      expect(failed.stdout).toMatch(/who-can-help\.yaml:\d+:\d+: error: .*\[schema-type\]/);
      expect(failed.stderr).toMatch(/unchanged/);
      expect(hashTree(out)).toEqual(before);
    } finally {
      writeFileSync(file, good);
    }
  });

  it('should render again only what changed, and never serve a stale download', () => {
    const cached = tempOut();
    const warm = pshe(['build', '--lessons', library, '--out', cached]);
    expect(warm.status, warm.stderr).toBe(0);
    const before = hashTree(path.join(cached, 'downloads'));

    const unchanged = pshe(['build', '--lessons', library, '--out', cached]);
    expect(unchanged.stderr).toMatch(/downloads done .*0 lessons rendered, 2 from the cache/);

    const lessonFile = path.join(library, 'staying-safe-online/who-can-help.yaml');
    writeFileSync(
      lessonFile,
      readFileSync(lessonFile, 'utf8').replace(
        'Who can help when something online worries you',
        'Who can help when something online is worrying',
      ),
    );
    const oneChanged = pshe(['build', '--lessons', library, '--out', cached]);
    expect(oneChanged.stderr).toMatch(/1 lesson rendered, 1 from the cache/);
    const afterLesson = hashTree(path.join(cached, 'downloads'));
    expect(afterLesson['who-can-help/who-can-help-handout.pdf']).not.toBe(
      before['who-can-help/who-can-help-handout.pdf'],
    );
    expect(afterLesson['spotting-online-scams/spotting-online-scams-handout.pdf']).toBe(
      before['spotting-online-scams/spotting-online-scams-handout.pdf'],
    );
    // The unit's pack holds the changed lesson's pack: it is made again, not copied from the cache.
    expect(afterLesson['units/staying-safe-online-pack.zip']).not.toBe(before['units/staying-safe-online-pack.zip']);

    const signposts = path.join(library, 'signposts.yaml');
    writeFileSync(signposts, readFileSync(signposts, 'utf8').replace('0800 1111', '0800 1111 (free, 24 hours)'));
    const serviceChanged = pshe(['build', '--lessons', library, '--out', cached]);
    expect(serviceChanged.stderr).toMatch(/2 lessons rendered, 0 from the cache/);
    const afterService = hashTree(path.join(cached, 'downloads'));
    expect(afterService['spotting-online-scams/spotting-online-scams-handout.pdf']).not.toBe(
      afterLesson['spotting-online-scams/spotting-online-scams-handout.pdf'],
    );

    // Whatever came from the cache, every download is what a build without it makes.
    const fresh = tempOut();
    expect(pshe(['build', '--lessons', library, '--out', fresh, '--no-cache']).status).toBe(0);
    expect(hashTree(path.join(fresh, 'downloads'))).toEqual(afterService);
  });
});

describe('an interrupted build', () => {
  it('should leave the previous output in place and no half-written folder', async () => {
    const library = copyExampleLibrary();
    const out = tempOut();
    expect(pshe(['build', '--lessons', library, '--out', out]).status).toBe(0);
    const before = hashTree(out);
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      [path.resolve('bin/pshe.js'), 'build', '--lessons', library, '--out', out, '--no-cache'],
      {
        env: { ...process.env, CI: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Interrupt once the build is under way (rendering downloads), as Ctrl-C would.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (/downloads…/.test(stderr)) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        }
      }, 20);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted; .* is unchanged/);
    expect(hashTree(out)).toEqual(before);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(path.dirname(out))).toEqual(['dist']);
  });
});
