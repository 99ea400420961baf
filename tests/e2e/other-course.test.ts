import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { useSite } from '../support/browser';
import { describeWithChromium } from '../support/chromium';
import { axeViolations } from '../support/page-checks';
import { SITES } from '../support/sites';

/** Every built HTML page of the other course, as paths inside the site. */
const pages = () =>
  readdirSync(SITES.other.outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));

describeWithChromium('another course from its own course.yaml, through the same code', () => {
  const s = useSite('other');

  test('no page of it says Redis', () => {
    const found = pages().filter((file) => /redis/i.test(readFileSync(file, 'utf8')));
    expect(pages().length).toBeGreaterThan(8);
    expect(found).toEqual([]);
  });

  test('its home page is the course.yaml: title, tagline, audience, outcomes and three phases', async () => {
    const { page } = s;
    await page.goto(s.site.url);
    await expect.poll(() => page.title()).toBe('SQL Field Guide: queries that hold up in production');
    await expect.poll(() => page.locator('h1').innerText()).toBe('SQL Field Guide');
    await expect.poll(() => page.locator('.hero__lead code').innerText()).toBe('SELECT');
    await expect.poll(() => page.locator('.hero__facts').innerText()).toMatch(/^4 lessons in 3 phases · about 4 min of reading/);
    await expect.poll(() => page.locator('.intro-grid p').allInnerTexts()).toEqual(['Application developers who write SQL every week and want to stop guessing.', 'No database administration background is needed.']);
    await expect.poll(() => page.locator('.intro-grid li').allInnerTexts()).toEqual(['Read a query plan and say what it costs.', 'Choose an index for a query, and say when not to.']);
    await expect.poll(() => page.locator('#phases').innerText()).toBe('The three phases');
    await expect.poll(() => page.locator('.phase-card h3').allInnerTexts()).toEqual(['Phase 1 Foundations', 'Phase 2 Queries', 'Phase 3 Operations']);
    await expect.poll(() => page.locator('.site-footer p').first().innerText()).toBe('SQL Field Guide · checked against PostgreSQL 16 · All phases');
    await expect.poll(() => page.locator('meta[name="description"]').getAttribute('content')).toBe(
      'Write SQL that answers the right question and keeps answering it as the tables grow, from SELECT to query plans.',
    );
  });

  test('a lesson follows its own template, with its questions under its own heading and levels', async () => {
    const { page } = s;
    await page.goto(s.site.url);
    await page.click('.lesson-list >> text=Tables and Rows');
    expect(new URL(page.url()).pathname).toBe('/foundations/tables-and-rows/');
    await expect.poll(() => page.locator('.prose h2').allInnerTexts()).toEqual(['Overview', 'Walkthrough', 'Check yourself', 'Recap']);
    await expect.poll(() => page.locator('.question .badge').allInnerTexts()).toEqual(['Warm-up', 'Stretch']);
    await expect.poll(() => page.locator('.lesson__header .eyebrow').innerText()).toMatch(/^Phase 1 · Foundations · Lesson 1 of 2 · 1 min read \(measured/);
    await expect.poll(() => page.locator('figure.diagram').count()).toBe(1);
    await expect.poll(() => page.locator('figure.code[data-lang="sql"] .code__lang').innerText()).toBe('SQL');
    // No edit URL in its course.yaml: no edit link.
    await expect.poll(() => page.locator('.edit-link').count()).toBe(0);
    await page.click('a[rel="next"]');
    await page.click('a[rel="next"]');
    await expect.poll(() => page.locator('.breadcrumbs').innerText()).toContain('Phase 2: Queries');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('progress is kept under the course’s own id, and the interview page and search use its levels', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}operations/indexes/`);
    await page.click('button[data-complete]');
    const stored = await page.evaluate(() => Object.keys(localStorage));
    expect(stored).toEqual(['sql-field-guide:progress:v2']);

    await page.goto(`${s.site.url}interview/`);
    expect((await page.locator('.filters fieldset label').allInnerTexts()).map((t) => t.trim())).toEqual(['All', 'Warm-up', 'Stretch']);
    await page.check('input[name="level"][value="Stretch"]');
    await expect.poll(() => page.locator('[data-filter-count]').innerText()).toBe('Showing 4 of 8 questions');

    await page.locator('#search-input').fill('planner');
    await page.locator('.search__result').first().waitFor();
    const kinds = await page.locator('.search__filters [name="kind"] option').allInnerTexts();
    expect(kinds).toEqual(['Lessons and questions', 'Lessons', 'Check yourself', 'Warm-up questions', 'Stretch questions']);
  });
});
