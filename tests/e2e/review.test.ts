import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useSite } from '../support/browser';
import { describeWithChromium } from '../support/chromium';

const KEY = 'redis-mastery:progress:v2';
const WELCOME = 'redis-fundamentals/welcome/';

describeWithChromium('spaced review of interview questions', () => {
  const s = useSite('root');
  let context: BrowserContext;
  let page: Page;

  // A browser of its own per test: an empty localStorage, a calendar in UTC and a clock the test moves.
  beforeEach(async () => {
    context = await s.browser.newContext({ timezoneId: 'UTC' });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const on = (day: string) => page.clock.setFixedTime(new Date(`${day}T09:00:00Z`));
  const dueLine = () => page.locator('[data-review-due]').innerText();
  const shownQuestion = () => page.locator('[data-review-question]').innerText();
  const complete = async (lesson: string) => {
    await page.goto(`${s.site.url}${lesson}`);
    await page.click('button[data-complete]');
  };
  /** Presses "Start review" and waits for the session, whose code loads on that first press. */
  const startReview = async () => {
    await page.click('button[data-review-start]');
    await page.locator('[data-review-session]').waitFor();
  };
  /** Reveals the question on show with Space and grades it with its key, 1 (Again) to 4 (Easy). */
  const answer = async (key: '1' | '2' | '3' | '4') => {
    await page.keyboard.press('Space');
    await page.locator('[data-review-grades]').waitFor();
    await page.keyboard.press(key);
  };

  test('finishing a lesson makes its questions due; a graded question comes back on the day SM-2 says and "Again" brings it back in the same session', async () => {
    await on('2026-12-01');
    await complete(WELCOME);
    await page.goto(s.site.url);
    const homeLine = page.locator('[data-review-due-line] a');
    await expect.poll(() => homeLine.innerText()).toBe('2 questions due for review');
    await homeLine.click();
    await page.waitForURL(/\/interview\/#review$/);
    await expect.poll(() => dueLine()).toBe('2 questions due for review');

    await startReview();
    await expect.poll(() => shownQuestion()).toBe('What does PING answer?');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Show answer');
    await expect.poll(() => page.locator('[data-review-answer]').isVisible()).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-review-answer]').innerText()).toContain('PONG');
    await expect.poll(() => page.locator('[data-review-grades] button').allInnerTexts()).toEqual(['Again 1\ntoday', 'Hard 2\ntomorrow', 'Good 3\ntomorrow', 'Easy 4\ntomorrow']);
    await page.keyboard.press('1');
    await expect.poll(() => shownQuestion()).toBe('Why keep commands short?');
    await answer('3');
    // Answered "Again", the first question is back before the session ends.
    await expect.poll(() => shownQuestion()).toBe('What does PING answer?');
    await expect.poll(() => page.locator('[data-review-meta]').innerText()).toBe('Welcome Fixture · Beginner · 1 question left');
    await answer('3');
    await expect.poll(() => page.locator('[data-review-done]').innerText()).toBe('Review done: 3 answers graded.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-review-done'))).toBe(true);
    await expect.poll(() => dueLine()).toBe('No questions due; 2 questions come back tomorrow.');

    // SM-2: one day after the first success, six after the second.
    await on('2026-12-02');
    await page.reload();
    await expect.poll(() => dueLine()).toBe('2 questions due for review');
    await startReview();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-review-grades] button').allInnerTexts()).toEqual(['Again 1\ntoday', 'Hard 2\nin 6 days', 'Good 3\nin 6 days', 'Easy 4\nin 6 days']);
    await page.keyboard.press('3');
    await answer('3');
    await expect.poll(() => dueLine()).toBe('No questions due; 2 questions come back in 6 days.');

    await on('2026-12-07');
    await page.reload();
    await expect.poll(() => dueLine()).toBe('No questions due; 2 questions come back tomorrow.');
    await on('2026-12-08');
    await page.reload();
    await expect.poll(() => dueLine()).toBe('2 questions due for review');
    await page.goto(s.site.url);
    await expect.poll(() => page.locator('[data-review-due-line]').innerText()).toBe('2 questions due for review');
  });

  test('the level and phase filters choose what the review shows, and "Due for review only" narrows the list', async () => {
    await on('2026-12-01');
    await complete(WELCOME);
    await complete('core-data-structures/counters/');
    await page.goto(`${s.site.url}interview/`);
    await expect.poll(() => dueLine()).toBe('4 questions due for review');
    await page.check('input[name="level"][value="Beginner"]');
    await expect.poll(() => dueLine()).toBe('2 questions due for review');
    await page.selectOption('select[name="phase"]', '2');
    await expect.poll(() => dueLine()).toBe('1 question due for review');
    await startReview();
    await expect.poll(() => shownQuestion()).toBe('Is INCR atomic?');
    await answer('4');
    await expect.poll(() => page.locator('[data-review-done]').innerText()).toBe('Review done: 1 answer graded.');

    await page.check('input[name="level"][value=""]');
    await page.selectOption('select[name="phase"]', '');
    await page.check('input[name="due"]');
    await expect.poll(() => page.locator('[data-filter-count]').innerText()).toBe('Showing 3 of 9 questions');
    const graded = page.locator('[data-question="core-data-structures/counters/#q-1"]');
    await expect.poll(() => graded.isVisible()).toBe(false);
    await page.uncheck('input[name="due"]');
    await graded.locator('summary').click();
    await expect.poll(() => graded.locator('[data-review-status]').innerText()).toBe('Next review tomorrow');
  });

  test('"End review" stops a session, and an empty review says how questions get into it', async () => {
    await on('2026-12-01');
    await page.goto(`${s.site.url}interview/`);
    await expect.poll(() => dueLine()).toBe('No questions due. Completing a lesson adds its interview questions to your review.');
    await expect.poll(() => page.locator('button[data-review-start]').isDisabled()).toBe(true);
    await complete(WELCOME);
    await page.goto(`${s.site.url}interview/`);
    await startReview();
    await expect.poll(() => page.locator('[data-question-list]').isVisible()).toBe(false);
    await page.click('button[data-review-end]');
    await expect.poll(() => page.locator('[data-review-done]').innerText()).toBe('Review ended: 0 answers graded.');
    await expect.poll(() => page.locator('[data-question-list]').isVisible()).toBe(true);
    await expect.poll(() => dueLine()).toBe('2 questions due for review');
  });

  test('progress of version 1 is migrated: completed lessons kept, practised questions scheduled as a first "Good"', async () => {
    await on('2026-12-01');
    await page.goto(s.site.url);
    const v1 = { version: 1, completed: { [WELCOME]: '2026-11-20T10:00:00.000Z' }, practised: { [`${WELCOME}#q-2`]: '2026-11-30T10:00:00.000Z' }, last: WELCOME };
    await page.evaluate((data) => localStorage.setItem('redis-mastery:progress:v1', JSON.stringify(data)), v1);
    await page.reload();
    await expect.poll(() => page.locator('[data-progress="course"]').innerText()).toBe('1 / 4 lessons · 14 min left');
    await expect.poll(() => page.locator('[data-review-due-line]').innerText()).toBe('2 questions due for review');
    // The first save, here a lesson page remembering itself, writes version 2 and drops version 1.
    await page.goto(`${s.site.url}${WELCOME}`);
    await page.goto(s.site.url);
    const stored = await page.evaluate(() => Object.keys(localStorage));
    expect(stored).toEqual([KEY]);
    const progress = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY))!);
    expect(progress.review).toEqual({ [`${WELCOME}#q-2`]: { due: '2026-12-01', interval: 1, ease: 2.5, reps: 1, lapses: 0 } });

    const download = page.waitForEvent('download');
    await page.click('button[data-progress-action="export"]');
    const file = join(tmpdir(), 'review-progress.json');
    await (await download).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 2, review: progress.review });
  });

  test('the review\'s panel and session code load on the interview page only, the session on "Start review"', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const review = (url: string) => /review|Review/.test(url);
    await page.goto(`${s.site.url}${WELCOME}`, { waitUntil: 'networkidle' });
    await page.click('button[data-complete]');
    expect(requests.filter(review)).toEqual([]);
    await page.goto(`${s.site.url}interview/`, { waitUntil: 'networkidle' });
    expect(requests.filter((url) => url.includes('review-session'))).toEqual([]);
    await page.click('button[data-review-start]');
    await page.locator('[data-review-session]').waitFor();
    expect(requests.filter((url) => url.includes('review-session'))).toHaveLength(1);
  });
});
