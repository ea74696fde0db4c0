import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { readLibraryImage, readSchoolLogo } from '../../src/library-file.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Diagnostic, Lesson } from '../../src/lesson/types.ts';
import { parseMarkdown } from '../../src/markdown/processor.ts';
import { renderPptx } from '../../src/pptx/index.ts';
import { imageDataUri } from '../../src/site/lib/images.ts';
import { schoolLogo } from '../../src/site/lib/school-logo.ts';
import { buildSlideDeck } from '../../src/slides/index.ts';
import { png } from '../helpers/png.ts';
import { exampleLesson, field, flat, pages, pdfsOf, poppler } from '../pdf/helpers.ts';
import { exampleLesson as exampleDeckLesson } from '../slides/fixture.ts';
import { parts, slideXml, texts } from '../pptx/pptx-parts.ts';
import { lineOf, makeLibrary, validLesson, validSignposts } from './fixture.ts';

const TODAY = '2026-11-26';
const LESSON = 'unit-a/asking-for-help.yaml';
const ANCHOR = 'Talk about trusted adults and :signpost[childline].';
/** The line of the first image the tests add after the explanation's first paragraph. */
const IMAGE_LINE = lineOf(validLesson, ANCHOR) + 2;

/** A folder outside every library, with a real PNG and a "private key" in it. */
function outsideFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-outside-'));
  writeFileSync(path.join(dir, 'photo.png'), png(10, 10));
  writeFileSync(path.join(dir, 'id_rsa'), '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n');
  mkdirSync(path.join(dir, 'folder'));
  writeFileSync(path.join(dir, 'folder', 'photo.png'), png(10, 10));
  return dir;
}

/** The lesson with images added to its explanation, one a paragraph (2 lines apart). */
const withImages = (...urls: string[]) =>
  validLesson.replace(ANCHOR, [ANCHOR, ...urls.map((url) => `![A picture](${url})`)].join('\n\n      '));

/** A PNG of 33 bytes that claims a size in its header: signature, IHDR chunk, no pixels. */
function pngClaiming(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([8, 2, 0, 0, 0], 8);
  const body = Buffer.concat([Buffer.from('IHDR', 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(13);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), length, body, crc]);
}

/** Check a library; the diagnostics with their file as an absolute path. */
function check(dir: string, options: { school?: string } = {}) {
  const result = loadLibrary(dir, { today: TODAY, ...options });
  const diagnostics = result.diagnostics.map((d) => ({ ...d, file: path.resolve(d.file) }));
  return { ...result, diagnostics };
}

/** The one diagnostic of a rule, which must be the only error. */
function onlyError(diagnostics: Diagnostic[]): Diagnostic {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`)).toHaveLength(1);
  return errors[0];
}

/** Check a library whose lesson shows one image, named `url`; the one error it gives. */
function imageError(url: string, files: Record<string, string | Uint8Array> = {}, setup?: (dir: string) => void) {
  const dir = makeLibrary({ [LESSON]: withImages(url), ...files });
  setup?.(dir);
  const started = Date.now();
  const { diagnostics, library } = check(dir);
  return { error: onlyError(diagnostics), ms: Date.now() - started, library, file: path.join(dir, LESSON), dir };
}

describe('the gate for every file a library names: lesson images in `pshe check`', () => {
  const outside = outsideFolder();

  it.each([
    [
      'a path above the library',
      (dir: string) => path.relative(path.join(dir, 'unit-a'), path.join(outside, 'photo.png')),
    ],
    ['an absolute path', () => path.join(outside, 'photo.png')],
  ])('should refuse %s as image-outside-library, at the image', (_, url) => {
    const dir = makeLibrary();
    const written = url(dir);
    if (!path.isAbsolute(written)) expect(written.startsWith('../../')).toBe(true);
    writeFileSync(path.join(dir, LESSON), withImages(written));
    const error = onlyError(check(dir).diagnostics);
    expect(error).toMatchObject({
      ruleId: 'image-outside-library',
      file: path.join(dir, LESSON),
      line: IMAGE_LINE,
      column: 7,
    });
    expect(error.message).toContain(`The image \`${written}\` is outside the library folder`);
  });

  it('should refuse a link named like an image that points outside (a private key), and never read it', () => {
    const { error, library } = imageError('diagram.png', {}, (dir) =>
      symlinkSync(path.join(outside, 'id_rsa'), path.join(dir, 'unit-a', 'diagram.png')),
    );
    expect(error).toMatchObject({ ruleId: 'image-outside-library', line: IMAGE_LINE });
    expect(error.message).toContain('`diagram.png` is outside the library folder');
    expect(library.lessons).toEqual([]);
  });

  it('should refuse an image through a linked folder that points outside', () => {
    const { error } = imageError('pics/photo.png', {}, (dir) =>
      symlinkSync(path.join(outside, 'folder'), path.join(dir, 'unit-a', 'pics')),
    );
    expect(error).toMatchObject({ ruleId: 'image-outside-library', line: IMAGE_LINE });
  });

  it('should refuse a folder named x.png, and a link to a folder, as image-not-a-file', () => {
    const folder = imageError('x.png', {}, (dir) => mkdirSync(path.join(dir, 'unit-a', 'x.png')));
    expect(folder.error).toMatchObject({ ruleId: 'image-not-a-file', line: IMAGE_LINE, column: 7 });
    expect(folder.error.message).toContain('The image `x.png` is a folder or a device, not a file');
    const linked = imageError('y.png', {}, (dir) => {
      mkdirSync(path.join(dir, 'unit-a', 'pictures'));
      symlinkSync(path.join(dir, 'unit-a', 'pictures'), path.join(dir, 'unit-a', 'y.png'));
    });
    expect(linked.error).toMatchObject({ ruleId: 'image-not-a-file', line: IMAGE_LINE });
  });

  it('should refuse /dev/zero at once, by name or through a link, without reading it', () => {
    const byName = imageError('/dev/zero');
    expect(byName.error).toMatchObject({ ruleId: 'image-outside-library', line: IMAGE_LINE });
    expect(byName.ms).toBeLessThan(2000);
    const linked = imageError('zero.png', {}, (dir) => symlinkSync('/dev/zero', path.join(dir, 'unit-a', 'zero.png')));
    expect(linked.error).toMatchObject({ ruleId: 'image-outside-library', line: IMAGE_LINE });
    // With a root that holds it, a device is still not a file, and is refused before a byte is read.
    const started = Date.now();
    const { problem } = readLibraryImage({ base: '/dev', root: '/' }, 'zero');
    expect(problem?.ruleId).toBe('image-not-a-file');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('should refuse a named pipe inside the library without hanging', () => {
    const { error } = imageError('pipe.png', {}, (dir) => {
      expect(spawnSync('mkfifo', [path.join(dir, 'unit-a', 'pipe.png')]).status).toBe(0);
    });
    expect(error).toMatchObject({ ruleId: 'image-not-a-file', line: IMAGE_LINE });
  });

  it('should refuse a 33-byte PNG whose header claims 20,000 × 20,000 pixels, naming the limit', () => {
    const huge = pngClaiming(20_000, 20_000);
    expect(huge).toHaveLength(33);
    const { error } = imageError('huge.png', { 'unit-a/huge.png': huge });
    expect(error).toMatchObject({ ruleId: 'image-too-large', line: IMAGE_LINE, column: 7 });
    expect(error.message).toBe(
      'The image `huge.png` is 20000 × 20000 pixels; images over 8000 pixels wide or high, or 16 million pixels in all, are not used. Save a smaller copy.',
    );
  });

  it('should refuse a 6 MB image file, naming its size and the limit', () => {
    const heavy = Buffer.concat([png(2, 2), Buffer.alloc(6 * 1024 * 1024)]);
    const { error } = imageError('heavy.png', { 'unit-a/heavy.png': heavy });
    expect(error).toMatchObject({ ruleId: 'image-too-large', line: IMAGE_LINE });
    expect(error.message).toBe('The image `heavy.png` is 6 MB; images over 5 MB are not used. Save a smaller copy.');
  });

  it('should report a bad percent-escape (%ZZ.png) as image-path-invalid, not a crash', () => {
    const { error } = imageError('%ZZ.png');
    expect(error).toMatchObject({ ruleId: 'image-path-invalid', line: IMAGE_LINE, column: 7 });
    expect(error.message).toContain('The image `%ZZ.png` is not a file name that can be read');
  });

  it('should allow 20 uses of an image and report the 21st as image-too-many', () => {
    const twenty = makeLibrary({
      [LESSON]: withImages(...Array.from({ length: 20 }, () => 'pic.png')),
      'unit-a/pic.png': png(4, 4),
    });
    const loaded = check(twenty);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.library.lessons[0].images).toEqual([realpathSync(path.join(twenty, 'unit-a', 'pic.png'))]);

    const dir = makeLibrary({
      [LESSON]: withImages(...Array.from({ length: 1000 }, () => 'pic.png')),
      'unit-a/pic.png': png(4, 4),
    });
    const error = onlyError(check(dir).diagnostics);
    expect(error).toMatchObject({ ruleId: 'image-too-many', line: IMAGE_LINE + 20 * 2, column: 7 });
    expect(error.message).toContain('at most 20 images (each use counts)');
  });

  it('should allow images elsewhere in the library and links that stay inside it, giving their real paths', () => {
    const dir = makeLibrary({
      [LESSON]: withImages('../unit-b/pic.png', 'linked.png', 'my%20pic.png'),
      'unit-b/pic.png': png(4, 4),
      'unit-b/unit.yaml': 'title: Unit B\nlessons: []\n',
      'unit-a/my pic.png': png(4, 4),
    });
    symlinkSync(path.join(dir, 'unit-b', 'pic.png'), path.join(dir, 'unit-a', 'linked.png'));
    const { diagnostics, library } = check(dir);
    expect(diagnostics.filter((d) => d.ruleId.startsWith('image-'))).toEqual([]);
    expect(library.lessons[0].images?.sort()).toEqual(
      [path.join(dir, 'unit-a', 'my pic.png'), path.join(dir, 'unit-b', 'pic.png')].map((f) => realpathSync(f)).sort(),
    );
  });
});

describe("the gate for the school profile's logo", () => {
  const outside = outsideFolder();
  const profile = (logo: string) => `name: Example Academy\ndslContact: Room 12\nlogo: ${JSON.stringify(logo)}\n`;

  it.each([
    ['outside the profile folder', () => path.join(outside, 'photo.png')],
    ['/dev/zero', () => '/dev/zero'],
  ])('should refuse a logo %s as image-outside-library at `logo`', (_, logo) => {
    const dir = makeLibrary({ 'school.yaml': profile(logo()) });
    const started = Date.now();
    const error = onlyError(check(dir).diagnostics);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({
      ruleId: 'image-outside-library',
      file: path.join(dir, 'school.yaml'),
      line: 3,
      column: 7,
    });
    expect(error.message).toContain('is outside the folder that holds the school profile');
  });

  it('should refuse a logo that is a link to a file outside the profile folder', () => {
    const dir = makeLibrary({ 'school.yaml': profile('crest.png') });
    symlinkSync(path.join(outside, 'photo.png'), path.join(dir, 'crest.png'));
    expect(onlyError(check(dir).diagnostics)).toMatchObject({ ruleId: 'image-outside-library', line: 3 });
  });
});

describe("the gate for a library's own YAML files", () => {
  const outside = outsideFolder();

  it('should refuse a lesson file linked to a file outside the library, at 1:1, and not load it', () => {
    const dir = makeLibrary();
    const evil = path.join(outside, 'evil.yaml');
    writeFileSync(evil, validLesson.replace('title: Asking for help', 'title: Evil'));
    rmLesson(dir);
    symlinkSync(evil, path.join(dir, LESSON));
    const { diagnostics, library } = check(dir);
    expect(onlyError(diagnostics)).toMatchObject({
      ruleId: 'file-outside-library',
      file: path.join(dir, LESSON),
      line: 1,
      column: 1,
    });
    expect(library.lessons.map((l) => l.title)).not.toContain('Evil');
  });

  it('should refuse a unit.yaml linked outside the library', () => {
    const dir = makeLibrary();
    const unit = path.join(outside, 'unit.yaml');
    writeFileSync(unit, 'title: Unit A\nlessons: [asking-for-help]\n');
    rmSync(path.join(dir, 'unit-a', 'unit.yaml'));
    symlinkSync(unit, path.join(dir, 'unit-a', 'unit.yaml'));
    expect(onlyError(check(dir).diagnostics)).toMatchObject({
      ruleId: 'file-outside-library',
      file: path.join(dir, 'unit-a', 'unit.yaml'),
      line: 1,
    });
  });

  it('should report a folder or a named pipe named like a lesson as file-unreadable, without hanging', () => {
    const dir = makeLibrary();
    mkdirSync(path.join(dir, 'unit-a', 'folder.yaml'));
    expect(spawnSync('mkfifo', [path.join(dir, 'unit-a', 'pipe.yaml')]).status).toBe(0);
    const errors = check(dir).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.ruleId, path.basename(d.file), d.line])).toEqual([
      ['file-unreadable', 'folder.yaml', 1],
      ['file-unreadable', 'pipe.yaml', 1],
    ]);
  });

  it.each([
    ['Bad Unit', '"Bad Unit"'],
    ['%2e%2e', '"%2e%2e"'],
    ['bad\nunit', '"bad\\nunit"'],
  ])(
    'should refuse the unit folder %j as unit-id-invalid at its unit.yaml, and not load its lessons',
    (name, shown) => {
      const dir = makeLibrary({
        [`${name}/unit.yaml`]: 'title: Bad\nlessons: [other]\n',
        [`${name}/other.yaml`]: validLesson,
      });
      const { diagnostics, library } = check(dir);
      const error = onlyError(diagnostics);
      expect(error).toMatchObject({ ruleId: 'unit-id-invalid', file: path.join(dir, name, 'unit.yaml'), line: 1 });
      expect(error.message).toContain(`The unit folder ${shown} is not an id`);
      expect(error.message).not.toContain('\n');
      expect(library.lessons.map((l) => l.unit)).toEqual(['unit-a']);
    },
  );
});

describe('addresses of help services and local services', () => {
  it('should refuse a javascript: address for a local service, at the address', () => {
    const school = [
      'name: Example Academy',
      'dslContact: Room 12',
      'localServices:',
      '  - id: counselling',
      '    name: School counselling',
      '    helpsWith: Someone to talk to.',
      '    audience: Pupils',
      '    ages: 11 to 16',
      '    url: "javascript:alert(1)"',
      "    verifiedOn: '2026-11-01'",
      '',
    ].join('\n');
    const dir = makeLibrary({ 'school.yaml': school });
    expect(onlyError(check(dir).diagnostics)).toMatchObject({
      ruleId: 'link-unsafe-scheme',
      file: path.join(dir, 'school.yaml'),
      line: 9,
      column: 10,
    });
  });

  it.each(['http://www.childline.org.uk', 'mailto:help@example.org'])(
    'should refuse %s for a help service as link-not-https, at the address',
    (url) => {
      const signposts = validSignposts.replace('url: https://www.childline.org.uk', `url: ${url}`);
      const dir = makeLibrary({ 'signposts.yaml': signposts });
      const error = onlyError(check(dir).diagnostics);
      expect(error).toMatchObject({
        ruleId: 'link-not-https',
        file: path.join(dir, 'signposts.yaml'),
        line: lineOf(signposts, url),
        column: 8,
      });
      expect(error.message).toContain(url);
    },
  );
});

describe('the renderers refuse a file outside the library even when the loader is bypassed', () => {
  const outside = outsideFolder();
  /** A library folder with a unit folder whose `leak.png` links to a real PNG outside. */
  function unitWithLeak(): string {
    const library = mkdtempSync(path.join(tmpdir(), 'pshe-render-gate-'));
    const unit = path.join(library, 'unit-a');
    mkdirSync(unit);
    symlinkSync(path.join(outside, 'photo.png'), path.join(unit, 'leak.png'));
    writeFileSync(path.join(unit, 'inside.png'), png(12, 12));
    return unit;
  }

  it('PDF: prints the description, reports why, and embeds no image', async () => {
    const unit = unitWithLeak();
    const base = exampleLesson();
    const absolute = path.join(outside, 'photo.png');
    const lesson: Lesson = {
      ...base,
      file: path.join(unit, 'lesson.yaml'),
      cycles: [{ ...base.cycles[0], practice: field(`![A leaked file](leak.png)\n\n![An absolute one](${absolute})`) }],
    };
    const { byName, diagnostics } = await pdfsOf(lesson);
    const handout = byName.get(`${base.id}-handout.pdf`)!;
    expect(flat(pages(handout).join(' '))).toContain('[Image: A leaked file]');
    expect(poppler('pdfimages', handout, ['-list']).trim().split('\n')).toHaveLength(2); // the header only
    const reasons = diagnostics.filter((d) => /leak\.png|photo\.png/.test(d.message)).map((d) => d.message);
    expect(reasons.some((m) => m.includes('`leak.png` is outside the library folder'))).toBe(true);
    expect(reasons.some((m) => m.includes(`\`${absolute}\` is outside the library folder`))).toBe(true);
  });

  it('PowerPoint: describes the image in words and puts no picture in the deck', async () => {
    const unit = unitWithLeak();
    const { lesson, library } = exampleDeckLesson('spotting-online-scams');
    const deck = buildSlideDeck(lesson, library);
    const slides = [
      { ...deck.slides[1], body: parseMarkdown('![A leaked file](leak.png)').tree.children as RootContent[] },
    ];
    const reported: Diagnostic[] = [];
    const bytes = await renderPptx(
      { ...deck, slides },
      {
        library,
        file: 'lesson.yaml',
        lesson: { id: deck.lessonId, file: path.join(unit, 'lesson.yaml') },
        report: (d) => reported.push(d),
      },
    );
    expect(Object.keys(unzipSync(bytes)).filter((name) => name.startsWith('ppt/media/'))).toEqual([]);
    expect(texts(slideXml(parts(bytes))[0])).toContain('[Image: A leaked file]');
    expect(reported[0].message).toContain('`leak.png` is outside the library folder');
  });

  it('website: gives no data: URI for a link outside, and decides the type by the bytes, not the name', () => {
    const unit = unitWithLeak();
    const lessonFile = path.join(unit, 'lesson.yaml');
    expect(imageDataUri(lessonFile, 'leak.png')).toBeUndefined();
    expect(imageDataUri(lessonFile, path.join(outside, 'photo.png'))).toBeUndefined();
    expect(imageDataUri(lessonFile, 'inside.png')).toBe(`data:image/png;base64,${png(12, 12).toString('base64')}`);
    writeFileSync(path.join(unit, 'really-a-png.jpg'), png(3, 3));
    expect(imageDataUri(lessonFile, 'really-a-png.jpg')).toMatch(/^data:image\/png;base64,/);
    writeFileSync(path.join(unit, 'script.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>');
    expect(imageDataUri(lessonFile, 'script.svg')).toBeUndefined();
  });

  it("the school's logo: a logo swapped for a link outside is not read by the letter or the site", () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pshe-logo-gate-'));
    symlinkSync(path.join(outside, 'photo.png'), path.join(folder, 'crest.png'));
    expect(readSchoolLogo(path.join(folder, 'crest.png')).problem?.ruleId).toBe('image-outside-library');
    expect(schoolLogo({ name: 'A', dslContact: 'B', logo: path.join(folder, 'crest.png') } as never)).toBeUndefined();
    expect(schoolLogo({ name: 'A', dslContact: 'B', logo: '/dev/zero' } as never)).toBeUndefined();
  });
});

function rmLesson(dir: string) {
  rmSync(path.join(dir, LESSON));
}
