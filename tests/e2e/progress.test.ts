import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { useSite } from '../support/browser';
import { describeWithChromium } from '../support/chromium';

describeWithChromium('learner progress', () => {
  const s = useSite('root');

  test('marking a lesson complete shows on the home page, the phase and the sidebar, and survives a reload', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    const button = page.locator('button[data-complete]');
    await expect.poll(() => button.innerText()).toBe('Mark lesson complete');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await expect.poll(() => page.locator('.sidebar li[data-done]').allTextContents()).toEqual(['Welcome Fixture (completed)']);

    await page.goto(s.site.url);
    await expect.poll(() => page.locator('[data-progress="course"]').innerText()).toBe('1 / 4 lessons · 14 min left');
    await expect.poll(() => page.locator('[data-progress-phase="redis-fundamentals/"]').innerText()).toBe('1 / 2 done');
    await expect.poll(() => page.locator('a[data-continue]').innerText()).toBe('Continue: Second Steps');
  });

  test('"continue" returns to the lesson last opened', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}core-data-structures/counters/`);
    await page.goto(s.site.url);
    await expect.poll(() => page.locator('a[data-continue]').getAttribute('href')).toBe('/core-data-structures/counters/');
  });

  test('progress exports to a file, imports back (an export of version 1 too), and resets only after confirmation', async () => {
    const { page } = s;
    const download = page.waitForEvent('download');
    await page.click('button[data-progress-action="export"]');
    const file = join(tmpdir(), 'progress.json');
    await (await download).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).completed).toHaveProperty(['redis-fundamentals/welcome/']);

    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.click('button[data-progress-action="reset"]');
    await expect.poll(() => page.locator('[data-progress="course"]').innerText()).toBe('1 / 4 lessons · 14 min left');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('button[data-progress-action="reset"]');
    await expect.poll(() => page.locator('[data-progress="course"]').innerText()).toBe('0 / 4 lessons · 17 min left');

    await page.setInputFiles('input[data-progress-import]', file);
    await page.locator('[data-progress-status]', { hasText: 'Progress imported.' }).waitFor();
    await expect.poll(() => page.locator('[data-progress="course"]').innerText()).toBe('1 / 4 lessons · 14 min left');

    const older = join(tmpdir(), 'progress-v1.json');
    writeFileSync(older, JSON.stringify({ version: 1, completed: { 'redis-fundamentals/welcome/': '2026-11-20T10:00:00.000Z', 'redis-fundamentals/second-steps/': '2026-11-21T10:00:00.000Z' }, practised: {} }));
    await page.setInputFiles('input[data-progress-import]', older);
    await page.locator('[data-progress="course"]', { hasText: '2 / 4 lessons' }).waitFor();

    const foreign = join(tmpdir(), 'foreign.json');
    writeFileSync(foreign, '{"hello":"world"}');
    await page.setInputFiles('input[data-progress-import]', foreign);
    await page.locator('[data-progress-status]', { hasText: 'not a Redis Mastery progress export' }).waitFor();
  });

  test('corrupt data in storage is ignored and the page still works', async () => {
    const { page } = s;
    await page.evaluate(() => localStorage.setItem('redis-mastery:progress:v2', '{"version":2,"completed":[oops'));
    await page.reload();
    await expect.poll(() => page.locator('[data-progress="course"]').innerText()).toBe('0 / 4 lessons · 17 min left');
  });

  test('without JavaScript the progress controls are absent and the pages still read', async () => {
    const context = await s.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(s.site.url);
    await expect.poll(() => page.locator('.progress-panel').isVisible()).toBe(false);
    await expect.poll(() => page.locator('.search').isVisible()).toBe(false);
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    await expect.poll(() => page.locator('button[data-complete]').isVisible()).toBe(false);
    await expect.poll(() => page.locator('.diagram svg:visible').count()).toBe(1);
    await context.close();
  });

  test('the interview page filters by level and phase', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}interview/`);
    await expect.poll(() => page.locator('[data-filter-count]').innerText()).toBe('Showing 9 of 9 questions');
    await page.check('input[name="level"][value="Beginner"]');
    await expect.poll(() => page.locator('[data-question]:visible').count()).toBe(4);
    await page.selectOption('select[name="phase"]', '2');
    await expect.poll(() => page.locator('[data-filter-count]').innerText()).toBe('Showing 1 of 9 questions');
    await page.check('input[name="level"][value=""]');
    await page.selectOption('select[name="phase"]', '');
    await expect.poll(() => page.locator('[data-question]').first().locator('a').getAttribute('href')).toBe('/redis-fundamentals/welcome/#q-1');
  });
});
