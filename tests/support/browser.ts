import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/chromium';
import { chromiumPath } from './chromium';
import { serveStatic, type StaticSite } from '../../src/static-server';
import { SITES, type SiteName } from './sites';

/** A served fixture site, a browser, and every request and console message the pages made. */
export interface Session {
  site: StaticSite;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  requests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function openSite(name: SiteName, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Session> {
  const { outDir, base } = SITES[name];
  const site = await serveStatic(outDir, base);
  const browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    site,
    browser,
    context,
    page,
    requests,
    consoleErrors,
    close: async () => {
      await browser.close();
      await site.close();
    },
  };
}

/**
 * Opens a site once for the surrounding suite and closes it after. The returned object is filled in
 * before the first test runs, so tests use it as a plain Session.
 */
export function useSite(name: SiteName, options: { colorScheme?: 'light' | 'dark' } = {}, prepare?: (session: Session) => Promise<void>): Session {
  const session = {} as Session;
  beforeAll(async () => {
    Object.assign(session, await openSite(name, options));
    await prepare?.(session);
  });
  afterAll(() => session.close?.());
  return session;
}
