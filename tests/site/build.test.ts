import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { contrastRatio } from '../../src/colour.ts';
import { lessonDownloads } from '../../src/site/lib/downloads.ts';
import { runAxe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { png } from '../helpers/png.ts';
import { serveFolder } from '../helpers/static-server.ts';
import { builtPages, exampleLibrary } from './fixture.ts';

const siteDir = () => inject('siteDir');
const read = (page: string) => readFileSync(path.join(siteDir(), page), 'utf8');

describe('the built site', () => {
  it('should have one teacher view and one handout for each lesson of the library, and nothing else', () => {
    const { lessons } = exampleLibrary();
    const pages = builtPages();
    const teacherViews = pages.filter((p) => /^\/lessons\/[^/]+\/index\.html$/.test(p));
    const handouts = pages.filter((p) => /^\/lessons\/[^/]+\/handout\/index\.html$/.test(p));
    expect(teacherViews).toEqual(lessons.map((l) => `/lessons/${l.id}/index.html`).sort());
    expect(handouts).toEqual(lessons.map((l) => `/lessons/${l.id}/handout/index.html`).sort());
  });

  it('should have no school logo and the plain tagline when the library has no school profile', () => {
    expect(builtPages().some((page) => page.includes('school-logo'))).toBe(false);
    expect(existsSync(path.join(siteDir(), 'school-logo.png'))).toBe(false);
    expect(read('index.html')).not.toContain('brand-logo');
    expect(read('index.html')).toContain('Safeguarding lessons, ready to teach');
  });

  it('should build every page type of design.md', () => {
    const { units } = exampleLibrary();
    const pages = builtPages();
    for (const page of ['/index.html', '/signposting/index.html', '/curriculum/index.html', '/glossary/index.html']) {
      expect(pages).toContain(page);
    }
    for (const unit of units) expect(pages).toContain(`/units/${unit.id}/index.html`);
  });

  it('should put content guidance before the plan, and the plan before DSL notes and the cycles', () => {
    const lesson = exampleLibrary().lessons[0];
    const html = read(`lessons/${lesson.id}/index.html`);
    const at = (id: string) => html.indexOf(`id="${id}"`);
    const order = ['guidance', 'at-a-glance', 'dsl-notes', 'safe-learning', 'cycle-1', 'quizzes', 'help', 'downloads'];
    const positions = order.map(at);
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('should show each part’s minutes adding up to the lesson length', () => {
    for (const lesson of exampleLibrary().lessons) {
      const html = read(`lessons/${lesson.id}/index.html`);
      const table = html.slice(
        html.indexOf('class="plan-table"'),
        html.indexOf('</table>', html.indexOf('plan-table')),
      );
      const body = table.slice(table.indexOf('<tbody>'), table.indexOf('</tbody>'));
      const minutes = [...body.matchAll(/(\d+) min</g)].map((m) => Number(m[1]));
      expect(minutes.reduce((a, b) => a + b, 0)).toBe(lesson.durationInMinutes);
      expect(table).toContain(`<strong>${lesson.durationInMinutes} min</strong>`);
    }
  });

  it('should link every download of the contract and the web slide deck', () => {
    for (const lesson of exampleLibrary().lessons) {
      const html = read(`lessons/${lesson.id}/index.html`);
      const names = ['lesson-plan.pdf', 'lesson-guide.pdf', 'handout.pdf', 'handout-large-print.pdf', 'slides.pdf'];
      names.push('slides-with-notes.pdf', 'slides.pptx', 'pack.zip', 'dsl-briefing.pdf', 'parent-letter.pdf');
      names.push('handout.docx', 'lesson-plan.docx');
      for (const name of names) expect(html).toContain(`href="/downloads/${lesson.id}/${lesson.id}-${name}"`);
      expect(html).toContain(`href="/lessons/${lesson.id}/slides/"`);
      expect(lessonDownloads(lesson)).toHaveLength(names.length);
    }
  });

  it('should keep a lesson page under 100 KB with its CSS and scripts, fonts aside', () => {
    const lesson = exampleLibrary().lessons[0];
    const html = read(`lessons/${lesson.id}/index.html`);
    const assets = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]);
    const bytes = Buffer.byteLength(html) + assets.reduce((sum, a) => sum + statSync(path.join(siteDir(), a)).size, 0);
    expect(bytes).toBeLessThan(100 * 1024);
  });

  it('should ship JavaScript only on the library page', () => {
    for (const page of builtPages()) {
      const scripts = read(page).match(/<script\b/g)?.length ?? 0;
      // The library page (search, filters), the handout (its Print button and the PDF's page count)
      // /personalise/ (its form, which starts the render worker) and /editor/ (the editor and its checks).
      if (
        ['/index.html', '/personalise/index.html', '/editor/index.html'].includes(page) ||
        page.endsWith('/handout/index.html')
      )
        expect(scripts, page).toBe(1);
      else if (!page.endsWith('/slides/index.html')) expect(scripts, page).toBe(0);
    }
  });

  it('should load the editor’s code (CodeMirror, the checker’s worker) only on /editor/', () => {
    // A page's scripts and every module they import, statically or not, as the browser would fetch them.
    const modulesOf = (page: string): Set<string> => {
      const html = read(page);
      const found = new Set<string>();
      const queue = [...html.matchAll(/<script[^>]*\bsrc="(\/[^"]+\.js)"/g)].map((m) => m[1]);
      while (queue.length) {
        const url = queue.pop()!;
        if (found.has(url)) continue;
        found.add(url);
        const code = readFileSync(path.join(siteDir(), url), 'utf8');
        for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
          queue.push(path.posix.join(path.posix.dirname(url), m[1]));
        }
      }
      return found;
    };
    // CodeMirror's own class for the editable text: in its view's code, nowhere else.
    const holdsEditor = (modules: Set<string>) =>
      [...modules].some((url) => readFileSync(path.join(siteDir(), url), 'utf8').includes('cm-content'));
    expect(holdsEditor(modulesOf('/editor/index.html'))).toBe(true);
    for (const page of builtPages().filter((p) => p !== '/editor/index.html')) {
      expect(holdsEditor(modulesOf(page)), page).toBe(false);
    }
  });

  it('should keep the spaces between a label and its words, and around a number in a sentence', () => {
    // Astro drops the line break between an element and an expression on the next line: "Supervision:Adult".
    const joined = /:<\/strong>[A-Za-z0-9]|[.;:]<strong>|[a-z]<code>|\b(?:to|of|up)\d+[a-z]/g;
    for (const page of builtPages()) {
      const html = read(page).replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
      expect(html.match(joined) ?? [], page).toEqual([]);
    }
  });

  it('should list every keyword of every lesson in the glossary', () => {
    const html = read('glossary/index.html');
    for (const lesson of exampleLibrary().lessons) {
      for (const { keyword } of lesson.keywords) expect(html).toContain(`<dt>${keyword}</dt>`);
    }
  });

  it('should show the curriculum matrix with all 8 UKCIS strands and the 4 Cs, and call out gaps', () => {
    const html = read('curriculum/index.html');
    expect(html.match(/<th scope="col"[^>]*>/g)).toHaveLength(1 + 8 + 4);
    // The example library does not cover copyright, so it must show as a gap.
    expect(html).toMatch(/<li>Copyright and ownership <span class="gap-kind">/);
  });
});

/** Run `astro build` for a library into a temporary folder of its own. */
function buildInto(work: string, env: Record<string, string>) {
  return spawnSync('npx', ['astro', 'build', '--outDir', path.join(work, 'out')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PSHE_ASTRO_CACHE: path.join(work, 'astro-cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...env,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('building the site', () => {
  it('should name the school’s DSL and local services, and use its colour, when a school profile is given', async () => {
    const work = mkdtempSync(path.join(path.resolve('.tmp'), 'school-site-'));
    const school = path.join(work, 'school.yaml');
    writeFileSync(
      school,
      [
        'name: Example Academy',
        'dslName: Ms Patel',
        'dslContact: Room 12, or ask any member of staff to find her',
        'localServices:',
        '  - id: town-youth-hub',
        '    name: Town Youth Hub',
        '    helpsWith: A drop-in for young people.',
        '    audience: Young people in the town',
        '    ages: 11 to 18',
        '    phone: 01632 960123',
        "    verifiedOn: '2026-01-01'",
        // A pale brand colour: the site must darken it until text in it reads.
        "accentColour: '#ffcc00'",
        'logo: crest.png',
        '',
      ].join('\n'),
    );
    const crest = png(120, 60);
    writeFileSync(path.join(work, 'crest.png'), crest);
    try {
      const result = buildInto(work, { PSHE_LESSONS: inject('libraryDir'), PSHE_SCHOOL: school });
      expect(result.status, result.stderr).toBe(0);
      const lesson = exampleLibrary().lessons[0];
      const out = (page: string) => readFileSync(path.join(work, 'out', page), 'utf8');
      for (const page of [`lessons/${lesson.id}/index.html`, `lessons/${lesson.id}/handout/index.html`]) {
        expect(out(page)).toContain('<strong>Ms Patel</strong> is the Designated Safeguarding Lead at Example Academy');
        expect(out(page)).toContain('Room 12, or ask any member of staff to find her');
        expect(out(page)).not.toContain("your school's Designated Safeguarding Lead");
      }
      expect(out('signposting/index.html')).toContain('Town Youth Hub');

      // The school's logo heads every page, served once as a file, beside the school's name.
      expect(readFileSync(path.join(work, 'out', 'school-logo.png')).equals(crest)).toBe(true);
      for (const page of ['index.html', `lessons/${lesson.id}/index.html`, 'signposting/index.html']) {
        expect(out(page), page).toMatch(
          /<img class="brand-logo" src="\/school-logo\.png" alt="" width="96" height="48"/,
        );
        expect(out(page), page).toContain('Safeguarding lessons at Example Academy');
      }

      // The school's colour reaches every page through /school.css, darkened for contrast.
      const css = out('school.css');
      const accent = /--accent: (#[0-9a-f]{6});/.exec(css)?.[1];
      expect(accent).toBeDefined();
      expect(accent).not.toBe('#ffcc00');
      expect(contrastRatio(accent!, '#fbfaf7')).toBeGreaterThanOrEqual(4.5);
      for (const page of ['index.html', `lessons/${lesson.id}/index.html`, `lessons/${lesson.id}/slides/index.html`]) {
        expect(out(page), page).toContain('<link rel="stylesheet" href="/school.css"');
      }
      const server = await serveFolder(path.join(work, 'out'));
      const browser = await launchBrowser();
      try {
        for (const page of ['/', `/lessons/${lesson.id}/`]) {
          const tab = await browser.context.newPage();
          await tab.goto(server.url + page, { waitUntil: 'load' });
          const used = await tab.evaluate(() =>
            getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
          );
          expect(used, page).toBe(accent);
          expect(await runAxe(tab), page).toEqual([]);
          await tab.close();
        }
        expect(browser.requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
      } finally {
        await browser.close();
        await server.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('should fail, and write nothing, when the library has no lessons', () => {
    const work = mkdtempSync(path.join(path.resolve('.tmp'), 'empty-library-'));
    const library = path.join(work, 'library');
    const out = path.join(work, 'out');
    cpSync(path.join(inject('libraryDir'), 'signposts.yaml'), path.join(library, 'signposts.yaml'));
    try {
      const result = buildInto(work, { PSHE_LESSONS: library });
      expect(result.status).not.toBe(0);
      expect(`${result.stdout}${result.stderr}`).toContain('No lessons could be loaded');
      expect(existsSync(path.join(out, 'index.html'))).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('links in the built site', () => {
  it('should point every internal link at a page or file that exists, and every #anchor at an id', () => {
    const root = siteDir();
    // Downloads are written by `pshe build`, not by `astro build`: checked once the site is built that way.
    const downloadsBuilt = existsSync(path.join(root, 'downloads'));
    const broken: string[] = [];
    for (const page of builtPages()) {
      const html = read(page);
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      for (const [, href] of html.matchAll(/\shref="([^"]+)"/g)) {
        if (/^(https|mailto|tel):/.test(href)) continue;
        if (href.startsWith('#')) {
          if (href.length > 1 && !ids.has(decodeURIComponent(href.slice(1)))) broken.push(`${page} → ${href}`);
          continue;
        }
        const target = new URL(href, `http://site${page}`).pathname;
        if (target.startsWith('/downloads/') && !downloadsBuilt) continue;
        const file = path.join(root, decodeURIComponent(target), target.endsWith('/') ? 'index.html' : '');
        if (!existsSync(file)) broken.push(`${page} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
