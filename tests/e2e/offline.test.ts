import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/chromium';
import { formatBytes, type OfflineManifest } from '../../src/course/offline-copy';
import { writeOfflineCopy } from '../../src/integrations/offline-copy';
import { serveStatic, type StaticSite } from '../../src/static-server';
import { chromiumPath, describeWithChromium } from '../support/chromium';
import { axeViolations } from '../support/page-checks';
import { SITES, type SiteName } from '../support/sites';

/** A built fixture site copied to a folder of its own (a test deploys a new build into it), served, and a browser. */
function useOfflineSite(name: SiteName) {
  const s = {} as { dir: string; site: StaticSite; browser: Browser; manifest: () => OfflineManifest };
  beforeAll(async () => {
    s.dir = mkdtempSync(join(tmpdir(), `offline-${name}-`));
    cpSync(SITES[name].outDir, s.dir, { recursive: true });
    s.site = await serveStatic(s.dir, SITES[name].base);
    s.browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
    s.manifest = () => JSON.parse(readFileSync(join(s.dir, 'offline.json'), 'utf8')) as OfflineManifest;
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.site?.close();
    rmSync(s.dir, { recursive: true, force: true });
  });
  return s;
}

/** A fresh browser profile (no worker, no caches) with every request it makes, the service worker's included. */
async function freshContext(browser: Browser): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext();
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return { context, page: await context.newPage(), requests };
}

/** Clicks the home page's "Save for offline" and waits until the copy is saved. */
async function saveForOffline(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.offline--panel [data-offline-action="save"]').click();
  await page.locator('.offline--panel [data-offline-status]', { hasText: 'every page and the search now work without a network' }).waitFor();
}

/** The network off, and the browser's HTTP cache emptied, so that what loads can only come from the offline copy. */
async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  await context.setOffline(true);
}

const registrations = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

describeWithChromium('the course offline', () => {
  const s = useOfflineSite('root');

  test('nothing is fetched or registered before the click, and both controls say how much saving downloads', async () => {
    const { context, page, requests } = await freshContext(s.browser);
    for (const path of ['', 'redis-fundamentals/welcome/', 'interview/']) await page.goto(`${s.site.url}${path}`, { waitUntil: 'networkidle' });
    expect(requests.filter((url) => /service-worker|offline\.json|_astro\/offline\./.test(url))).toEqual([]);
    expect(await registrations(page)).toEqual([]);
    expect(await cacheNames(page)).toEqual([]);
    const label = `Save for offline (${formatBytes(s.manifest().bytes)})`;
    await expect.poll(() => page.locator('.offline--footer [data-offline-action="save"]').innerText()).toBe(label);
    await page.goto(s.site.url);
    await expect.poll(() => page.locator('.offline--panel [data-offline-action="save"]').innerText()).toBe(label);
    await context.close();
  });

  test('without JavaScript the controls are absent and the pages read as before', async () => {
    const context = await s.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(s.site.url);
    await expect.poll(() => page.locator('.offline-panel').isVisible()).toBe(false);
    await expect.poll(() => page.locator('.offline--footer').isVisible()).toBe(false);
    await expect.poll(() => page.locator('.site-footer').innerText()).toContain('All phases');
    await context.close();
  });

  test('offline after saving: a lesson never visited, the search and a missing page work with the network off', async () => {
    const { context, page } = await freshContext(s.browser);
    await saveForOffline(page, s.site.url);
    await expect.poll(() => page.locator('.offline--panel [data-offline-action="remove"]').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.offline--footer [data-offline-status]').innerText()).toBe(`Saved for offline (${formatBytes(s.manifest().bytes)}).`);
    expect(await axeViolations(page)).toEqual([]);

    await goOffline(context, page);
    const lesson = await page.goto(`${s.site.url}core-data-structures/counters/`);
    expect(lesson?.fromServiceWorker()).toBe(true);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Counters Fixture');
    await page.fill('#search-input', 'zebrafish');
    await expect.poll(() => page.locator('.search__result .search__title').first().innerText()).toBe('Welcome Fixture');
    await page.locator('.search__result').first().click();
    await page.waitForURL(/redis-fundamentals\/welcome\//);
    await expect.poll(() => page.locator('.diagram svg').first().isVisible()).toBe(true);
    const missing = await page.goto(`${s.site.url}no-such-page/`);
    expect(missing?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Page not found');
    // A page the copy serves knows it is saved (once its offline starter has asked the cache, a moment after load).
    await page.locator('.offline--footer [data-offline-action="remove"]').waitFor({ state: 'visible', timeout: 10_000 });
    await context.close();
  });

  test('a new build is picked up, the copy updated, and the reader told once', async () => {
    const { context, page } = await freshContext(s.browser);
    await saveForOffline(page, s.site.url);
    const before = s.manifest().build;

    // A deploy: one lesson changes, and the build writes the copy's manifest and worker again.
    const lesson = join(s.dir, 'redis-fundamentals', 'welcome', 'index.html');
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('<h1 data-pagefind-meta="title">Welcome Fixture</h1>', '<h1 data-pagefind-meta="title">Welcome Fixture, Revised</h1>'));
    await writeOfflineCopy(s.dir);
    expect(s.manifest().build).not.toBe(before);

    await page.goto(`${s.site.url}redis-fundamentals/second-steps/`);
    const notice = page.locator('.offline-notice');
    await notice.waitFor();
    await expect.poll(() => notice.innerText()).toContain('The course has been updated, and your offline copy with it.');
    expect(await axeViolations(page)).toEqual([]);

    await goOffline(context, page);
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Welcome Fixture, Revised');
    await page.locator('.offline--footer [data-offline-action="remove"]').waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => notice.count()).toBe(0);
    await page.goto(s.site.url);
    // The footer says so once its offline starter has asked the cache, a moment after load.
    await page.locator('.offline--footer [data-offline-status]', { hasText: 'Saved for offline' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => notice.count()).toBe(0);
    await context.close();
  });

  test('"Remove offline copy" unregisters the worker and deletes the copy', async () => {
    const { context, page } = await freshContext(s.browser);
    await saveForOffline(page, s.site.url);
    expect(await registrations(page)).toEqual([s.site.url]);
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    await page.locator('.offline--footer [data-offline-action="remove"]').click();
    await page.locator('.offline--footer [data-offline-status]', { hasText: 'Offline copy removed' }).waitFor();
    await expect.poll(() => page.locator('.offline--footer [data-offline-action="save"]').isVisible()).toBe(true);
    expect(await registrations(page)).toEqual([]);
    expect(await cacheNames(page)).toEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.endsWith(':offline')))).toEqual([]);
    await goOffline(context, page);
    await expect(page.goto(`${s.site.url}core-data-structures/counters/`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await context.close();
  });
});

describeWithChromium('the course offline under BASE_PATH=/redis-mastery/', () => {
  const s = useOfflineSite('subpath');

  test('saves every file under the base and serves lessons and search from it with the network off', async () => {
    const { context, page, requests } = await freshContext(s.browser);
    await saveForOffline(page, s.site.url);
    expect(await registrations(page)).toEqual([s.site.url]);
    const origin = new URL(s.site.url).origin;
    expect(requests.filter((url) => !url.startsWith(`${origin}/redis-mastery/`))).toEqual([]);

    await goOffline(context, page);
    await page.goto(`${s.site.url}core-data-structures/counters/`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Counters Fixture');
    await page.fill('#search-input', 'quokka');
    await page.locator('.search__result').first().click();
    await page.waitForURL(`${s.site.url}core-data-structures/counters/`);
    await context.close();
  });
});
