import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Request } from 'playwright-core';

/** Debian's chromium, started headless with no background networking (this machine has no network). */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with a fresh profile, every request it makes, and how to close it (which also deletes the profile). */
export interface TestBrowser {
  context: BrowserContext;
  requests: string[];
  close(): Promise<void>;
}

/**
 * Launch chromium with a new user-data-dir (nothing carried over from another
 * run) and record the URL of every request any page makes.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'pshe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  const requests: string[] = [];
  context.on('request', (request: Request) => requests.push(request.url()));
  return {
    context,
    requests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
