import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Found, Sandbox } from './harness.ts';
import {
  build,
  check,
  filesUnder,
  lineOf,
  makeSandbox,
  pngClaiming,
  pshe,
  SECRET,
  tinyPng,
  treeDigest,
  withSummary,
} from './harness.ts';

/**
 * Every way an untrusted library was found to reach outside itself, hang the
 * build or exhaust the machine (issue 11), as a small library. Each case runs
 * `pshe check` and `pshe build` as a teacher would, and holds them to:
 * - the diagnostic a teacher sees (rule, file, line) and the exit status;
 * - the budgets: check within 2 s, build within 10 s and 1 GB. Time is the
 *   process's CPU time (worker threads included), which depends less than
 *   wall-clock time on what else the machine runs, scaled up on a machine
 *   slower than the one the budgets were set on; wall-clock time has a looser
 *   guard for hangs;
 * - nothing outside the library in the output, and nothing around it written
 *   or deleted (a checksum of the whole folder tree before and after).
 */
const CHECK_MS = 2_000;
const BUILD_MS = 10_000;
/** A hang shows as wall-clock time far past the CPU budget. */
const WALL_FACTOR = 3;
const BUILD_MB = 1_024;
/**
 * What `pshe check` of the sandbox's clean library (the example library less a lesson) cost on the
 * machine the budgets were set on. Machines here differ by up to twofold from one day to the next,
 * in CPU time too, so the budgets grow by how much slower this machine is at that same check
 * ({@link pace}), never shrink and at most double: a blow-up in a hostile case is many times a clean
 * check, not 1.5.
 */
const CLEAN_CHECK_MS = 800;
const MAX_PACE = 2;
let pace = 1;

interface Expected {
  ruleId: string;
  /** The file the diagnostic names. */
  file: string;
  line?: number;
}

interface Case {
  name: string;
  /** Make the library hostile; returns the diagnostics `pshe check` must report. */
  setup(sandbox: Sandbox): Expected[];
  /** The exit status of check and build: 1 when an error stops the build, 0 for warnings only. */
  status: 0 | 1;
}

const sandboxes: Sandbox[] = [];
/** What each case cost, written to .tmp/hostile-budgets.md for the record (docs/security.md quotes it). */
const figures: string[] = [];
afterAll(() => {
  for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
  mkdirSync('.tmp', { recursive: true });
  writeFileSync(
    '.tmp/hostile-budgets.md',
    [
      '| case | check CPU | build CPU | build wall | build peak memory |',
      '| --- | --- | --- | --- | --- |',
      ...figures,
      '',
    ].join('\n'),
  );
});

const lesson = (s: Sandbox, line?: number, ruleId = ''): Expected => ({ ruleId, file: s.lesson, line });

const schoolProfile = (logo: string, url = 'https://www.example.org/help') =>
  [
    'name: Hillside Academy',
    'dslContact: Ms Patel, room 12, or any member of staff',
    `logo: ${JSON.stringify(logo)}`,
    'localServices:',
    '  - id: hillside-counselling',
    '    name: Hillside counselling',
    '    helpsWith: Someone to talk to at school.',
    '    audience: Pupils at Hillside',
    '    ages: 11 to 16',
    `    url: ${JSON.stringify(url)}`,
    '    verifiedOn: "2026-11-01"',
    '',
  ].join('\n');

/** A markdown table of `rows` rows (and a header) by `columns` columns. */
function table(rows: number, columns: number): string {
  const row = `${'|x'.repeat(columns)}|`;
  return [row, `${'|-'.repeat(columns)}|`, ...Array.from({ length: rows }, () => row)].join('\n');
}

const cases: Case[] = [
  {
    name: 'an image above the library (../../outside/photo.png)',
    status: 1,
    setup: (s) => {
      withSummary(s, 'A picture:\n\n![A photo](../../outside/photo.png)');
      return [{ ...lesson(s, 9), ruleId: 'image-outside-library' }];
    },
  },
  {
    name: 'an image by absolute path',
    status: 1,
    setup: (s) => {
      withSummary(s, `A picture:\n\n![A photo](${path.join(s.outside, 'photo.png')})`);
      return [{ ...lesson(s, 9), ruleId: 'image-outside-library' }];
    },
  },
  {
    name: 'a symlink named like an image, pointing at a private key',
    status: 1,
    setup: (s) => {
      symlinkSync(path.join(s.outside, 'id_rsa'), path.join(s.unit, 'diagram.png'));
      withSummary(s, 'A diagram:\n\n![A diagram](diagram.png)');
      return [{ ...lesson(s, 9), ruleId: 'image-outside-library' }];
    },
  },
  {
    name: "the school profile's logo outside the profile's folder",
    status: 1,
    setup: (s) => {
      writeFileSync(path.join(s.library, 'school.yaml'), schoolProfile('../outside/photo.png'));
      return [{ ruleId: 'image-outside-library', file: path.join(s.library, 'school.yaml'), line: 3 }];
    },
  },
  {
    name: 'the logo is /dev/zero',
    status: 1,
    setup: (s) => {
      writeFileSync(path.join(s.library, 'school.yaml'), schoolProfile('/dev/zero'));
      return [{ ruleId: 'image-outside-library', file: path.join(s.library, 'school.yaml'), line: 3 }];
    },
  },
  {
    name: 'an image that is /dev/zero',
    status: 1,
    setup: (s) => {
      withSummary(s, 'Endless:\n\n![Nothing](/dev/zero)');
      return [{ ...lesson(s, 9), ruleId: 'image-outside-library' }];
    },
  },
  {
    name: 'an image inside the library that is a named pipe',
    status: 1,
    setup: (s) => {
      spawnSync('mkfifo', [path.join(s.unit, 'pipe.png')]);
      withSummary(s, 'Waiting:\n\n![A pipe](pipe.png)');
      return [{ ...lesson(s, 9), ruleId: 'image-not-a-file' }];
    },
  },
  {
    name: 'an image that is a folder',
    status: 1,
    setup: (s) => {
      mkdirSync(path.join(s.unit, 'folder.png'));
      withSummary(s, 'A folder:\n\n![A folder](folder.png)');
      return [{ ...lesson(s, 9), ruleId: 'image-not-a-file' }];
    },
  },
  {
    name: 'an image with a bad percent-escape (%ZZ.png)',
    status: 1,
    setup: (s) => {
      withSummary(s, 'Broken:\n\n![Broken](%ZZ.png)');
      return [{ ...lesson(s, 9), ruleId: 'image-path-invalid' }];
    },
  },
  {
    name: 'a 1.5 KB PNG that claims 20,000 × 20,000 pixels',
    status: 1,
    setup: (s) => {
      writeFileSync(path.join(s.unit, 'huge.png'), pngClaiming(20_000, 20_000));
      withSummary(s, 'Huge:\n\n![A huge picture](huge.png)');
      return [{ ...lesson(s, 9), ruleId: 'image-too-large' }];
    },
  },
  {
    name: 'a 6 MB image file',
    status: 1,
    setup: (s) => {
      writeFileSync(path.join(s.unit, 'heavy.png'), Buffer.concat([tinyPng, Buffer.alloc(6 * 1024 * 1024)]));
      withSummary(s, 'Heavy:\n\n![A heavy picture](heavy.png)');
      return [{ ...lesson(s, 9), ruleId: 'image-too-large' }];
    },
  },
  {
    name: 'one image used 1,000 times',
    status: 1,
    setup: (s) => {
      writeFileSync(path.join(s.unit, 'pic.png'), tinyPng);
      withSummary(s, Array.from({ length: 1000 }, () => '![A picture](pic.png)').join('\n\n'));
      // The 21st use is the first over the limit of 20: the summary starts on line 7, one use every 2 lines.
      return [{ ...lesson(s, 7 + 20 * 2), ruleId: 'image-too-many' }];
    },
  },
  {
    name: 'a lesson file linked to a file outside the library',
    status: 1,
    setup: (s) => {
      const copy = path.join(s.outside, 'evil.yaml');
      writeFileSync(copy, readFileSync(s.lesson, 'utf8').replace('title: Spotting online scams', 'title: Evil'));
      symlinkSync(copy, path.join(s.unit, 'evil.yaml'));
      return [{ ruleId: 'file-outside-library', file: path.join(s.unit, 'evil.yaml'), line: 1 }];
    },
  },
  {
    name: 'a unit folder named %2e%2e',
    status: 1,
    setup: (s) => {
      const unit = path.join(s.library, '%2e%2e');
      mkdirSync(unit);
      writeFileSync(path.join(unit, 'unit.yaml'), 'title: Dots\nlessons: [dots]\n');
      return [{ ruleId: 'unit-id-invalid', file: path.join(unit, 'unit.yaml'), line: 1 }];
    },
  },
  {
    name: 'a unit folder whose name holds a new line',
    status: 1,
    setup: (s) => {
      const unit = path.join(s.library, 'bad\nunit');
      mkdirSync(unit);
      writeFileSync(path.join(unit, 'unit.yaml'), 'title: Bad\nlessons: [bad]\n');
      return [{ ruleId: 'unit-id-invalid', file: path.join(unit, 'unit.yaml'), line: 1 }];
    },
  },
  {
    name: "the library's school profile linked to a file outside it",
    status: 1,
    setup: (s) => {
      const profile = path.join(s.outside, 'school.yaml');
      writeFileSync(profile, schoolProfile('crest.png').replace('Hillside Academy', 'SECRET-DSL-NAME'));
      symlinkSync(profile, path.join(s.library, 'school.yaml'));
      return [{ ruleId: 'file-outside-library', file: path.join(s.library, 'school.yaml'), line: 1 }];
    },
  },
  {
    name: "the library's help services linked to a file outside it",
    status: 1,
    setup: (s) => {
      const services = path.join(s.outside, 'signposts.yaml');
      writeFileSync(services, readFileSync(path.join(s.library, 'signposts.yaml')));
      rmSync(path.join(s.library, 'signposts.yaml'));
      symlinkSync(services, path.join(s.library, 'signposts.yaml'));
      return [{ ruleId: 'file-outside-library', file: path.join(s.library, 'signposts.yaml'), line: 1 }];
    },
  },
  {
    name: "a help service's name of 15,000 characters (printed on every page)",
    status: 1,
    setup: (s) => {
      const file = path.join(s.library, 'signposts.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('name: "Childline"', `name: "${'Childline '.repeat(1500)}"`),
      );
      return [{ ruleId: 'schema-size', file, line: lineOf(file, 'Childline Childline') }];
    },
  },
  {
    name: "a school's name of 3,000 words",
    status: 1,
    setup: (s) => {
      writeFileSync(path.join(s.unit, 'crest.png'), tinyPng);
      const file = path.join(s.library, 'school.yaml');
      writeFileSync(
        file,
        schoolProfile('staying-safe-online/crest.png').replace('Hillside Academy', 'Hillside '.repeat(3000).trim()),
      );
      return [{ ruleId: 'schema-size', file, line: 1 }];
    },
  },
  {
    name: 'emphasis marks that make the markdown parser quadratic (*a_ × 7,250)',
    status: 1,
    setup: (s) => {
      withSummary(s, '*a_ '.repeat(7250));
      return [{ ...lesson(s, 7), ruleId: 'markdown-too-deep' }];
    },
  },
  {
    name: 'a unit folder name of 245 characters',
    status: 1,
    setup: (s) => {
      const unit = path.join(s.library, 'a'.repeat(245));
      mkdirSync(unit);
      writeFileSync(path.join(unit, 'unit.yaml'), 'title: Long\nlessons: [long]\n');
      return [{ ruleId: 'unit-id-invalid', file: path.join(unit, 'unit.yaml'), line: 1 }];
    },
  },
  {
    name: 'a lesson file of 1 MB of blank lines',
    status: 1,
    setup: (s) => {
      writeFileSync(path.join(s.unit, 'blank.yaml'), '\n'.repeat(1024 * 1024 - 1));
      return [{ ruleId: 'file-empty', file: path.join(s.unit, 'blank.yaml'), line: 1 }];
    },
  },
  {
    name: 'a word of 60,000 characters (longer than a field may be)',
    status: 1,
    setup: (s) => {
      withSummary(s, `A long word: ${'a'.repeat(60_000)}`);
      return [{ ...lesson(s, 6), ruleId: 'schema-size' }];
    },
  },
  {
    name: 'a word of 20,000 characters',
    status: 1,
    setup: (s) => {
      withSummary(s, `A long word: ${'a'.repeat(20_000)}`);
      return [{ ...lesson(s, 7), ruleId: 'word-too-long' }];
    },
  },
  {
    name: 'a markdown list nested 3,000 deep',
    status: 1,
    setup: (s) => {
      withSummary(s, `${'- '.repeat(3000)}deep`);
      return [{ ...lesson(s, 7), ruleId: 'markdown-too-deep' }];
    },
  },
  {
    name: 'YAML lists nested 3,000 deep',
    status: 1,
    setup: (s) => {
      const text = readFileSync(s.lesson, 'utf8');
      writeFileSync(
        s.lesson,
        text.replace(/^keyLearningPoints:\n/m, `keyLearningPoints:\n  - ${'- '.repeat(3000)}deep\n`),
      );
      return [{ ...lesson(s, lineOf(s.lesson, 'deep')), ruleId: 'yaml-too-deep' }];
    },
  },
  {
    name: '20,000 unknown keys',
    status: 1,
    setup: (s) => {
      const keys = Array.from({ length: 20_000 }, (_, i) => `unknownKey${i}: 1`).join('\n');
      writeFileSync(s.lesson, `${readFileSync(s.lesson, 'utf8')}${keys}\n`);
      return [{ ...lesson(s), ruleId: 'yaml-too-large' }];
    },
  },
  {
    name: 'a table of 1,000 rows and 300 columns (longer than a field may be)',
    status: 1,
    setup: (s) => {
      withSummary(s, `A table:\n\n${table(1000, 300)}`);
      return [{ ...lesson(s, 6), ruleId: 'schema-size' }];
    },
  },
  {
    name: 'a table of 200 rows and 20 columns',
    status: 1,
    setup: (s) => {
      withSummary(s, `A table:\n\n${table(200, 20)}`);
      return [{ ...lesson(s, 9), ruleId: 'table-too-large' }];
    },
  },
  {
    name: "a vertical tab (Word's Shift+Enter) in the title",
    status: 1,
    setup: (s) => {
      const text = readFileSync(s.lesson, 'utf8');
      writeFileSync(s.lesson, text.replace('title: Spotting online scams', 'title: Spotting online\u000bscams'));
      return [{ ...lesson(s, 2), ruleId: 'control-character' }];
    },
  },
  {
    name: 'a control character written as a YAML escape ("\\e")',
    status: 1,
    setup: (s) => {
      const text = readFileSync(s.lesson, 'utf8');
      writeFileSync(s.lesson, text.replace('title: Spotting online scams', 'title: "Spotting \\e[31monline scams"'));
      return [{ ...lesson(s, 2), ruleId: 'control-character' }];
    },
  },
  {
    name: 'a javascript: address for a local service in the school profile',
    status: 1,
    setup: (s) => {
      writeFileSync(path.join(s.unit, 'crest.png'), tinyPng);
      writeFileSync(
        path.join(s.library, 'school.yaml'),
        schoolProfile('staying-safe-online/crest.png', 'javascript:alert(1)'),
      );
      return [{ ruleId: 'link-unsafe-scheme', file: path.join(s.library, 'school.yaml'), line: 10 }];
    },
  },
  {
    name: 'an http address for a help service',
    status: 1,
    setup: (s) => {
      const file = path.join(s.library, 'signposts.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('"https://www.childline.org.uk"', '"http://www.childline.org.uk"'),
      );
      return [{ ruleId: 'link-not-https', file, line: lineOf(file, 'http://www.childline') }];
    },
  },
  {
    name: 'an emoji the PDF fonts cannot draw (a warning; the build goes on)',
    status: 0,
    setup: (s) => {
      withSummary(s, 'Pupils learn to spot a scam \u{1F984} and what to do.');
      return [{ ...lesson(s, 7), ruleId: 'glyph-missing' }];
    },
  },
  {
    name: 'images inside the library, up and back in, and through a link inside it (allowed)',
    status: 0,
    setup: (s) => {
      mkdirSync(path.join(s.unit, 'pics'));
      writeFileSync(path.join(s.unit, 'pics', 'pic.png'), tinyPng);
      symlinkSync(path.join(s.unit, 'pics', 'pic.png'), path.join(s.unit, 'linked.png'));
      withSummary(
        s,
        'Pictures:\n\n![A picture](../staying-safe-online/pics/pic.png)\n\n![The same picture](linked.png)',
      );
      return [];
    },
  },
];

/** The diagnostics that match what was expected (file compared as an absolute path). */
function matching(found: Found[], expected: Expected): Found[] {
  return found.filter(
    (d) =>
      d.ruleId === expected.ruleId &&
      path.resolve(d.file) === expected.file &&
      (expected.line === undefined || d.line === expected.line),
  );
}

describe('hostile libraries', () => {
  beforeAll(() => {
    const sandbox = makeSandbox();
    sandboxes.push(sandbox);
    // The cheaper of two, as the cases' own runs are one each: a busy moment should not loosen the budgets.
    const clean = Math.min(...[0, 1].map(() => check(sandbox).run.cpuMs));
    if (!Number.isFinite(clean)) throw new Error('the clean check recorded no CPU time (PSHE_USAGE_FILE not written)');
    // At most double: a checker grown slower on every library would otherwise grow its own budgets.
    pace = Math.min(MAX_PACE, Math.max(1, clean / CLEAN_CHECK_MS));
    figures.push(`| (clean library, for the pace: ×${pace.toFixed(2)}) | ${(clean / 1000).toFixed(1)} s | | | |`);
  });

  it.each(cases)('$name', (hostile) => {
    const sandbox = makeSandbox();
    sandboxes.push(sandbox);
    const expected = hostile.setup(sandbox);
    const before = treeDigest(sandbox.root, [sandbox.out]);

    const checked = check(sandbox);
    for (const want of expected) {
      expect(matching(checked.diagnostics, want), JSON.stringify(checked.diagnostics.slice(0, 5))).not.toEqual([]);
    }
    expect(checked.run.status).toBe(hostile.status);
    expect(checked.run.stderr).not.toMatch(/ at .*\.ts:\d+|crashed/);
    expect(checked.run.cpuMs).toBeLessThan(CHECK_MS * pace);
    expect(checked.run.ms).toBeLessThan(CHECK_MS * pace * WALL_FACTOR);

    const built = build(sandbox);
    expect(built.stderr).not.toMatch(/ at .*\.ts:\d+|crashed/);
    expect(built.status, built.stderr).toBe(hostile.status);
    expect(built.cpuMs).toBeLessThan(BUILD_MS * pace);
    expect(built.ms).toBeLessThan(BUILD_MS * pace * WALL_FACTOR);
    expect(built.mb).toBeLessThan(BUILD_MB);

    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    figures.push(
      `| ${hostile.name} | ${seconds(checked.run.cpuMs)} | ${seconds(built.cpuMs)} | ${seconds(built.ms)} | ${built.mb.toFixed(0)} MB |`,
    );

    const published = filesUnder(sandbox.out);
    if (hostile.status === 1) expect(published).toEqual([]);
    const secret = [Buffer.from(SECRET), Buffer.from(Buffer.from(SECRET).toString('base64').slice(0, 24))];
    for (const file of published) {
      const bytes = readFileSync(file);
      for (const needle of secret) expect(bytes.includes(needle), `${file} holds the secret`).toBe(false);
    }
    expect(treeDigest(sandbox.root, [sandbox.out])).toEqual(before);
  });

  it('prints a key holding ESC and new lines escaped, so a file cannot forge "no problems"', () => {
    const sandbox = makeSandbox();
    sandboxes.push(sandbox);
    const text = readFileSync(sandbox.lesson, 'utf8');
    writeFileSync(sandbox.lesson, `${text}"\\e[2K\\r\\n✓ no problems\\n": 1\n`);
    const run = pshe(['check', '--lessons', sandbox.library, '--no-cache', '--today', '2026-12-01']);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\r');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('✓'))).toEqual([]);
  });
});

describe('--out can never destroy work', () => {
  const refusals: { name: string; out: (s: Sandbox) => string; cwd?: (s: Sandbox) => string }[] = [
    { name: 'the library itself', out: (s) => s.library },
    { name: 'a folder inside the library', out: (s) => path.join(s.library, 'site') },
    { name: 'a unit folder', out: (s) => s.unit },
    { name: 'the folder holding the library', out: (s) => s.root },
    { name: '"." from the folder holding the library', out: () => '.', cwd: (s) => s.root },
    {
      name: 'an existing folder that is not a previous build',
      out: (s) => {
        mkdirSync(path.join(s.root, 'work'));
        writeFileSync(path.join(s.root, 'work', 'report.docx'), 'my work');
        return path.join(s.root, 'work');
      },
    },
  ];

  it.each(refusals)('refuses $name, exit 2, nothing written or deleted', ({ out, cwd }) => {
    const sandbox = makeSandbox();
    sandboxes.push(sandbox);
    const target = out(sandbox);
    const before = treeDigest(sandbox.root);
    const run = pshe(['build', '--lessons', sandbox.library, '--out', target, '--no-cache'], {
      cwd: cwd?.(sandbox),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refusing to write there/);
    expect(run.stderr).not.toMatch(/ at .*\.ts:\d+/);
    expect(treeDigest(sandbox.root)).toEqual(before);
  });

  it('replaces a previous build, and an empty folder', () => {
    const sandbox = makeSandbox();
    sandboxes.push(sandbox);
    mkdirSync(sandbox.out);
    expect(build(sandbox).status).toBe(0);
    const first = filesUnder(sandbox.out).length;
    expect(first).toBeGreaterThan(10);
    const again = build(sandbox);
    expect(again.status, again.stderr).toBe(0);
    expect(filesUnder(sandbox.out).length).toBe(first);
  });
});
