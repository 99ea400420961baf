import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSite, type Session } from '../support/browser';
import { describeWithChromium } from '../support/chromium';

describeWithChromium('search', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSite('root');
  });
  afterAll(() => s?.close());

  test('search code loads only when search is used', async () => {
    await s.page.goto(s.site.url, { waitUntil: 'networkidle' });
    expect(s.requests.filter((url) => url.includes('pagefind'))).toEqual([]);
  });

  test('"/" focuses the search box and a term from one lesson finds it with its phase', async () => {
    const { page } = s;
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-input');
    await page.keyboard.type('zebrafish');
    const result = page.locator('.search__result');
    await result.first().waitFor();
    await expect(result.count()).resolves.toBe(1);
    await expect(result.locator('.search__title').innerText()).resolves.toBe('Welcome Fixture');
    await expect(result.locator('.search__phase').innerText()).resolves.toBe('Phase 1 · Redis Fundamentals');
    await expect(result.locator('.search__excerpt mark').innerText()).resolves.toBe('zebrafish');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/redis-fundamentals\/welcome\//);
  });

  test('a term with no match says so', async () => {
    const { page } = s;
    await page.fill('#search-input', 'xylophonequartz');
    await expect(page.locator('.search__summary').innerText()).resolves.toBe('No lessons match “xylophonequartz”.');
  });
});
