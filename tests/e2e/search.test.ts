import { expect, test } from 'vitest';
import { useSite } from '../support/browser';
import { describeWithChromium } from '../support/chromium';

describeWithChromium('search', () => {
  const s = useSite('root');

  test('search code loads only when search is used', async () => {
    await s.page.goto(s.site.url, { waitUntil: 'networkidle' });
    expect(s.requests.filter((url) => url.includes('pagefind'))).toEqual([]);
  });

  test('"/" focuses the search box and a term from one lesson finds it with its phase', async () => {
    const { page } = s;
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('zebrafish');
    const result = page.locator('.search__result');
    await result.first().waitFor();
    await expect.poll(() => result.count()).toBe(1);
    await expect.poll(() => result.locator('.search__title').innerText()).toBe('Welcome Fixture');
    await expect.poll(() => result.locator('.search__phase').innerText()).toBe('Phase 1 · Redis Fundamentals');
    await expect.poll(() => result.locator('.search__excerpt mark').innerText()).toBe('zebrafish');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/redis-fundamentals\/welcome\//);
  });

  test('interview questions are results of their own, narrowed by level and phase', async () => {
    const { page } = s;
    await page.goto(s.site.url);
    await page.fill('#search-input', 'slow command');
    const first = page.locator('.search__result').first();
    await first.waitFor();
    await page.selectOption('.search__filters [name="kind"]', { label: 'Advanced questions' });
    await page.locator('.search__summary', { hasText: /^1 result$/ }).waitFor();
    await expect.poll(() => page.locator('.search__result .search__title').allInnerTexts()).toEqual(['Why keep commands short?']);
    await expect.poll(() => page.locator('.search__result .search__phase').innerText()).toBe('Interview question · Advanced · Welcome Fixture');
    await page.selectOption('.search__filters [name="kind"]', { label: 'Beginner questions' });
    await page.locator('.search__summary', { hasText: 'Nothing matches “slow command”.' }).waitFor();
    await page.selectOption('.search__filters [name="kind"]', { label: 'Lessons and questions' });
    await page.fill('#search-input', 'INCR');
    await page.locator('.search__result').first().waitFor();
    await page.selectOption('.search__filters [name="phase"]', { label: 'Phase 2 · Core Data Structures' });
    await page.locator('.search__summary', { hasText: /^2 results$/ }).waitFor();
    const phases = await page.locator('.search__result .search__phase').allInnerTexts();
    expect(phases.length).toBeGreaterThan(0);
    expect(phases.every((p) => p.includes('Counters Fixture') || p === 'Phase 2 · Core Data Structures')).toBe(true);
    await page.locator('.search__result', { hasText: 'Is INCR atomic?' }).click();
    await page.waitForURL(/core-data-structures\/counters\/#q-1$/);
  });

  test('a term with no match says so', async () => {
    const { page } = s;
    await page.fill('#search-input', 'xylophonequartz');
    await expect(page.locator('.search__summary', { hasText: 'Nothing matches “xylophonequartz”.' }).waitFor()).resolves.toBeUndefined();
  });
});
