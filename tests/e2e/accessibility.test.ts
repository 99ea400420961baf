import { expect, test } from 'vitest';
import { useSite } from '../support/browser';
import { describeWithChromium } from '../support/chromium';
import { axeViolations, cspViolations, recordCspViolations } from '../support/page-checks';

const PAGES = [
  ['home', ''],
  ['phase', 'redis-fundamentals/'],
  ['lesson with code, diagram, tabs and questions', 'redis-fundamentals/welcome/'],
  ['interview prep', 'interview/'],
  ['not found', 'no-such-page/'],
] as const;

for (const scheme of ['light', 'dark'] as const) {
  describeWithChromium(`accessibility, CSP and console in the ${scheme} scheme`, () => {
    const s = useSite('root', { colorScheme: scheme }, (session) => recordCspViolations(session.context));

    test.each(PAGES)('the %s page has no WCAG 2.2 AA violations, no CSP violations and no console errors', async (_name, path) => {
      const { page } = s;
      s.consoleErrors.length = 0;
      await page.goto(`${s.site.url}${path}`, { waitUntil: 'networkidle' });
      await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await axeViolations(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      // The not-found page is served with status 404, which Chromium logs; nothing else may be.
      expect(s.consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    });

    test('a review, with its answer shown and when it ends, has no violations', async () => {
      const { page } = s;
      await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
      if ((await page.locator('button[data-complete]').getAttribute('aria-pressed')) !== 'true') await page.click('button[data-complete]');
      await page.goto(`${s.site.url}interview/`);
      await page.click('button[data-review-start]');
      await page.locator('[data-review-session]').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.click('button[data-review-reveal]');
      expect(await axeViolations(page)).toEqual([]);
      await page.click('button[data-review-end]');
      expect(await axeViolations(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
    });

    test('on a phone the open outline and the open "On this page" have no violations', async () => {
      const page = await s.context.newPage();
      await page.setViewportSize({ width: 390, height: 740 });
      await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
      expect(await axeViolations(page)).toEqual([]);
      await page.click('button[data-outline-toggle]');
      await page.locator('#course-outline').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.click('details.toc-disclosure summary');
      expect(await axeViolations(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      await page.close();
    });

    test('open search results have no violations either', async () => {
      const { page } = s;
      await page.goto(s.site.url);
      await page.fill('#search-input', 'INCR');
      await page.locator('.search__result').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
    });
  });
}

describeWithChromium('keyboard use', () => {
  const s = useSite('root');

  test('the skip link is the first stop and moves focus to the content', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#main');
  });

  test('an answer opens from the keyboard and the lesson can be marked complete', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    await page.locator('details.question summary').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('details.question').first().getAttribute('open')).toBe('');
    await page.locator('button[data-complete]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('button[data-complete]').getAttribute('aria-pressed')).toBe('true');
  });

  test('changing a search filter from the keyboard keeps focus on it', async () => {
    const { page } = s;
    await page.goto(s.site.url);
    await page.fill('#search-input', 'INCR');
    await page.locator('.search__result').first().waitFor();
    await page.locator('.search__filters [name="kind"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('.search__summary').waitFor();
    await page.waitForTimeout(400);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('kind');
  });

  test('search results are reached with the arrow keys and left with Escape', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    await page.keyboard.press('/');
    await page.keyboard.type('keyspace');
    await page.locator('.search__result').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('search__result');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await expect.poll(() => page.locator('#search-results').isHidden()).toBe(true);
  });
});
