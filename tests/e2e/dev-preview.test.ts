import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/chromium';
import { chromiumPath, describeWithChromium } from '../support/chromium';
import { FIXTURE_COURSE } from '../support/sites';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

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
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV')), LESSONS_DIR: course, ASTRO_CACHE_DIR: join(course, '.astro-cache') },
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
    await expect(page.locator('h1').innerText()).resolves.toBe('Unfinished Draft');
    await page.close();
  });

  test('reloads a lesson as it is edited', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}redis-fundamentals/welcome/`);
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('The zebrafish appears', 'The edited zebrafish appears'));
    await page.locator('text=The edited zebrafish appears').waitFor({ timeout: 20_000 });
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
