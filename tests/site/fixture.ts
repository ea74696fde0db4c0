import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import type { TestBrowser } from '../helpers/browser.ts';
import { serveFolder } from '../helpers/static-server.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';

/** The example library, loaded the way the site loads it. */
export function exampleLibrary() {
  return loadLibrary(inject('libraryDir')).library;
}

/** One page of each type, for the example library. */
export function pageTypes(): { name: string; path: string }[] {
  const { lessons, units } = exampleLibrary();
  const lesson = lessons[0];
  return [
    { name: 'library home', path: '/' },
    { name: 'unit', path: `/units/${units[0].id}/` },
    { name: 'lesson (teacher view)', path: `/lessons/${lesson.id}/` },
    { name: 'handout', path: `/lessons/${lesson.id}/handout/` },
    { name: 'signposting', path: '/signposting/' },
    { name: 'curriculum', path: '/curriculum/' },
    { name: 'glossary', path: '/glossary/' },
    { name: 'not found', path: '/404.html' },
  ];
}

/** Every HTML file of the built site, as site paths. */
export function builtPages(siteDir = inject('siteDir')): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(full);
      } else if (entry.name.endsWith('.html')) {
        found.push(`/${path.relative(siteDir, full).split(path.sep).join('/')}`);
      }
    }
  };
  walk(siteDir);
  return found.sort();
}

/** A served copy of the built site and a fresh browser; `close` stops both. */
export interface SiteSession {
  server: StaticServer;
  browser: TestBrowser;
  /** Open a page; collects console errors and CSP violations reported by the browser. */
  open(pathname: string): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

export async function openSite(): Promise<SiteSession> {
  const server = await serveFolder(inject('siteDir'));
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async open(pathname) {
      const page = await browser.context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(server.url + pathname, { waitUntil: 'load' });
      return { page, problems };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Collapse whitespace so text from mdast and from the page compare. */
export const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
