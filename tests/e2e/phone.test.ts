import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useSite } from '../support/browser';
import { describeWithChromium } from '../support/chromium';

const WELCOME = 'redis-fundamentals/welcome/';
const PHONE = { width: 390, height: 740 };

/** The layout shifts the page has had so far, added up (Cumulative Layout Shift without its session windows). */
const layoutShift = (page: Page) =>
  page.evaluate(() => {
    const observer = new PerformanceObserver(() => undefined);
    observer.observe({ type: 'layout-shift', buffered: true });
    const shifts = observer.takeRecords() as unknown as { value: number }[];
    observer.disconnect();
    return shifts.reduce((sum, shift) => sum + shift.value, 0);
  });

/** Presses "Lessons" and waits for the outline, whose code loads on the first press. */
async function openOutline(page: Page, press = () => page.click('button[data-outline-toggle]')): Promise<void> {
  await press();
  await page.locator('#course-outline').waitFor();
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describeWithChromium('the course on a phone', () => {
  const s = useSite('root');
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await s.browser.newContext({ viewport: PHONE });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  test('the header\'s "Lessons" button opens the outline at the top, keeps focus in it, and Escape or the button closes it', async () => {
    await page.goto(`${s.site.url}${WELCOME}`);
    const button = page.locator('button[data-outline-toggle]');
    const outline = page.locator('#course-outline');
    await expect.poll(() => outline.isVisible()).toBe(false);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => button.getAttribute('aria-controls')).toBe('course-outline');

    // Skip link, brand, "Interview prep", search, theme, then "Lessons".
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('Lessons');
    await openOutline(page, () => page.keyboard.press('Enter'));
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    const header = (await page.locator('.site-header').boundingBox())!;
    const panel = (await outline.boundingBox())!;
    expect(Math.round(panel.y)).toBe(Math.round(header.y + header.height));
    expect(panel.height).toBeGreaterThan(PHONE.height / 2);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('page');
    await expect.poll(() => focused(page)).toBe('Welcome Fixture');
    await expect.poll(() => page.locator('main').evaluate((main) => (main as HTMLElement).inert)).toBe(true);

    const stops: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops).toEqual(['Second Steps', '2 Core Data Structures', '3 Advanced Patterns', 'Lessons', '1 Redis Fundamentals', 'Phase overview', 'Welcome Fixture', 'Second Steps']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(page)).toBe('Lessons');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(page)).toBe('3 Advanced Patterns');

    // Opening a phase from the keyboard adds its lessons to the cycle.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('Phase overview');

    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => outline.isVisible()).toBe(false);
    await expect.poll(() => focused(page)).toBe('Lessons');
    await expect.poll(() => page.locator('main').evaluate((main) => (main as HTMLElement).inert)).toBe(false);

    await page.keyboard.press('Space');
    await expect.poll(() => outline.isVisible()).toBe(true);
    await button.click();
    await expect.poll(() => outline.isVisible()).toBe(false);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
  });

  test('a link in the outline leads to its lesson, and the outline is closed there and after going back', async () => {
    await page.goto(`${s.site.url}${WELCOME}`);
    await openOutline(page);
    await page.click('#course-outline >> text=Second Steps');
    await page.waitForURL(/second-steps/);
    await expect.poll(() => page.locator('#course-outline').isVisible()).toBe(false);
    await page.goBack();
    await expect.poll(() => page.locator('#course-outline').isVisible()).toBe(false);
    await expect.poll(() => page.locator('button[data-outline-toggle]').getAttribute('aria-expanded')).toBe('false');
  });

  test('"On this page" is a closed disclosure above the lesson whose links reach the headings', async () => {
    await page.goto(`${s.site.url}${WELCOME}`);
    const disclosure = page.locator('details.toc-disclosure');
    await expect.poll(() => page.locator('.aside').isVisible()).toBe(false);
    await expect.poll(() => disclosure.getAttribute('open')).toBeNull();
    const top = (await disclosure.boundingBox())!.y;
    expect(top).toBeLessThan((await page.locator('.prose h2').first().boundingBox())!.y);
    await disclosure.locator('summary').click();
    await disclosure.locator('a', { hasText: 'Summary' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#summary');
  });

  test('the button is in the page before its script runs, so the script moves nothing; opening the outline shifts nothing', async () => {
    await page.route(/OutlineToggle/, (route) => route.abort());
    await page.goto(`${s.site.url}${WELCOME}`);
    const before = await page.locator('button[data-outline-toggle]').boundingBox();
    await page.unroute(/OutlineToggle/);
    await page.goto(`${s.site.url}${WELCOME}`, { waitUntil: 'networkidle' });
    expect(await page.locator('button[data-outline-toggle]').boundingBox()).toEqual(before);
    expect(await layoutShift(page)).toBe(0);
    await openOutline(page);
    await page.keyboard.press('Escape');
    expect(await layoutShift(page)).toBe(0);
  });

  test('without JavaScript "Lessons" is a link to the outline at the end of the page', async () => {
    const noScript = await s.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${s.site.url}${WELCOME}`);
    await expect.poll(() => plain.locator('button[data-outline-toggle]').isVisible()).toBe(false);
    await plain.click('a.outline-toggle');
    await expect.poll(() => plain.evaluate(() => location.hash)).toBe('#course-outline');
    await expect.poll(() => plain.locator('#course-outline').isVisible()).toBe(true);
    await expect.poll(() => plain.locator('#course-outline a', { hasText: 'Counters Fixture' }).isVisible()).toBe(false);
    await plain.goto(`${s.site.url}interview/`);
    await expect.poll(() => plain.locator('a.outline-toggle').getAttribute('href')).toBe('/#phases');
    await noScript.close();
  });

  test('the home page, a lesson and the interview page do not scroll sideways at 320 px, with the outline or a review open', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.goto(s.site.url);
    await expect.poll(() => width()).toBe(320);
    await page.goto(`${s.site.url}${WELCOME}`);
    await expect.poll(() => width()).toBe(320);
    await page.click('button[data-complete]');
    await openOutline(page);
    await expect.poll(() => width()).toBe(320);
    await page.goto(`${s.site.url}interview/`);
    await expect.poll(() => width()).toBe(320);
    await page.click('button[data-review-start]');
    await page.click('button[data-review-reveal]');
    await expect.poll(() => width()).toBe(320);
  });
});
