import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/chromium';
import { freePort } from '../../src/free-port';
import { chromiumPath, describeWithChromium } from '../support/chromium';
import { FIXTURE_COURSE } from '../support/sites';

describeWithChromium('the dev preview', () => {
  const course = mkdtempSync(join(tmpdir(), 'dev-course-'));
  const lesson = join(course, 'redis-fundamentals', 'welcome.mdx');
  let server: ChildProcess;
  let browser: Browser;
  let url: string;
  let output = '';
  const outputAfter = async (from: number, text: string) => {
    for (let i = 0; i < 150 && !output.slice(from).includes(text); i++) await new Promise((r) => setTimeout(r, 200));
    return output.slice(from);
  };

  beforeAll(async () => {
    cpSync(FIXTURE_COURSE, course, { recursive: true });
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/dev.ts', '--port', String(port), '--host', '127.0.0.1'], {
      // Vitest's own variables (VITEST, NODE_ENV=test) change how Astro's dev server behaves; give it a clean environment.
      // No wait for a diagram not drawn yet (drawn ones are always waited for): a new diagram shows its source first.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV')), LESSONS_DIR: course, ASTRO_CACHE_DIR: join(course, '.astro-cache'), DEV_DIAGRAM_WAIT_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => (output += d));
    server.stderr?.on('data', (d) => (output += d));
    browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
    for (let i = 0; i < 300; i++) {
      if (await fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`The dev server did not start within 60 s:\n${output}`);
  }, 70_000);
  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  test('shows draft lessons, which the production build leaves out', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}advanced-patterns/unfinished/`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Unfinished Draft');
    await page.close();
  });

  const notReloaded = (page: import('playwright-core').Page) => page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded === true);
  /** A page whose reload would be seen: a flag in its window and its scroll position, gone with a reload. */
  const openScrolled = async (path: string) => {
    const page = await browser.newPage({ viewport: { width: 900, height: 500 } });
    await page.goto(`${url}${path}`);
    // A dev server just started may still reload its pages once (a late content sync, say): wait until this one is still.
    for (let tries = 0; ; tries++) {
      // The page is ready for updates once it has fetched itself to compare with.
      await page.waitForLoadState('networkidle');
      const marked = await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true)).catch(() => false);
      await page.waitForTimeout(1000);
      if (marked && (await notReloaded(page).catch(() => false))) break;
      if (tries === 5) throw new Error(`${path} kept reloading with no save:\n${output}`);
    }
    await page.evaluate(() => window.scrollTo(0, 400));
    return page;
  };
  const edit = (from: string, to: string) => {
    const text = readFileSync(lesson, 'utf8');
    expect(text).toContain(from);
    writeFileSync(lesson, text.replace(from, to));
  };

  test('updates a lesson in place when a save changed only its words: no reload, the scroll position kept', async () => {
    const page = await openScrolled('redis-fundamentals/welcome/');
    const other = await openScrolled('redis-fundamentals/second-steps/');
    edit('The zebrafish appears', 'The edited zebrafish appears');
    await page.locator('text=The edited zebrafish appears').waitFor({ timeout: 20_000 });
    // Astro's second reload for the same save, once its content store is written, is not passed on either.
    await page.waitForTimeout(1500);
    expect(await notReloaded(page)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(400);
    // The page of another lesson, which the save does not change, stays as it is.
    expect(await notReloaded(other)).toBe(true);
    await Promise.all([page.close(), other.close()]);
  });

  test('reloads the page when a save changed more than words: a new paragraph, or the frontmatter', async () => {
    const page = await openScrolled('redis-fundamentals/welcome/');
    edit('The edited zebrafish appears', 'A paragraph of its own.\n\nThe edited zebrafish appears');
    await page.locator('text=A paragraph of its own.').waitFor({ timeout: 20_000 });
    expect(await notReloaded(page)).toBe(false);

    // The content store's write after the save is only a check for the reloaded page; let it pass before the next save.
    await page.waitForTimeout(1500);
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
    edit('title: Welcome Fixture', 'title: Welcome Fixture Renamed');
    await page.locator('h1', { hasText: 'Welcome Fixture Renamed' }).waitFor({ timeout: 20_000 });
    expect(await notReloaded(page)).toBe(false);
    edit('title: Welcome Fixture Renamed', 'title: Welcome Fixture');
    edit('A paragraph of its own.\n\n', '');
    await page.locator('h1', { hasText: /^Welcome Fixture$/ }).waitFor({ timeout: 20_000 });
    await page.close();
  });

  test('a save that breaks a lesson\'s body shows the error in the page, and the save that fixes it shows the lesson', async () => {
    const page = await openScrolled('redis-fundamentals/welcome/');
    edit('The edited zebrafish appears', 'The <Broken zebrafish appears');
    await page.waitForSelector('vite-error-overlay', { timeout: 20_000 });
    edit('The <Broken zebrafish appears', 'The edited zebrafish appears');
    await page.locator('text=The edited zebrafish appears').waitFor({ timeout: 20_000 });
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
    await page.close();
  });

  test('a diagram not drawn yet shows its source at once, then its drawing, with no second save', async () => {
    const file = join(course, 'redis-fundamentals', 'second-steps.mdx');
    const original = readFileSync(file, 'utf8');
    // A node no earlier run has drawn, so the diagram is in no cache.
    const node = `Drawn${Date.now()}`;
    const page = await openScrolled('redis-fundamentals/second-steps/');
    writeFileSync(file, original.replace('Redis -->|reply| Client', `Redis -->|reply| Client\n  Client --> ${node}`));
    try {
      const drawing = page.locator('figure.diagram--drawing[aria-busy="true"]', { hasText: `Client --> ${node}` });
      await drawing.waitFor({ timeout: 20_000 });
      await page.locator('figure.diagram svg', { hasText: node }).waitFor({ timeout: 30_000 });
      expect(await page.locator('figure.diagram--drawing').count()).toBe(0);
    } finally {
      writeFileSync(file, original);
    }
    await page.locator('figure.diagram svg', { hasText: node }).waitFor({ state: 'detached', timeout: 20_000 });
    await page.close();
  });

  test('restarts itself when astro.config.mjs is saved, and goes on serving and reloading lessons', async () => {
    const from = output.length;
    const now = new Date();
    utimesSync('astro.config.mjs', now, now);
    expect(await outputAfter(from, 'watching for file changes')).toContain('astro.config.mjs changed: restarting the dev server with the new configuration.');
    const page = await browser.newPage();
    await page.goto(`${url}redis-fundamentals/welcome/`);
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('The edited zebrafish appears', 'The zebrafish, edited after a restart, appears'));
    await page.locator('text=The zebrafish, edited after a restart, appears').waitFor({ timeout: 20_000 });
    await page.close();
  });

  test('shows a schema error in the browser overlay with the file, line and field', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}redis-fundamentals/second-steps/`);
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace(/^phase: 1$/m, 'phase: 9'));
    const expected = 'redis-fundamentals/welcome.mdx:4:1 error RM003/frontmatter-schema phase must be one of';
    // Astro's own content error may show first; ours (with the line) replaces it once the check has run.
    const shown = await page
      .waitForFunction((text) => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.includes(text), expected, { timeout: 20_000 })
      .then(() => true, () => false);
    expect(shown).toBe(true);
    await page.close();
  });
});
