import { expect, test } from 'vitest';
import { useSite } from '../support/browser';
import { describeWithChromium } from '../support/chromium';
import { SCAFFOLDED } from '../support/sites';

describeWithChromium('navigating the course', () => {
  const s = useSite('root');

  test('home → phase → lesson → next lesson across a phase boundary', async () => {
    const { page } = s;
    await page.goto(s.site.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Redis Mastery');
    await expect.poll(() => page.locator('.hero__facts').textContent()).toContain('4 lessons');

    await page.click('text=Phase 1 Redis Fundamentals');
    await expect.poll(() => page.locator('h1').innerText()).toContain('Redis Fundamentals');

    await page.click('.lesson-list >> text=Welcome Fixture');
    await expect.poll(() => page.locator('.lesson__header .eyebrow').innerText()).toMatch(
      /^Phase 1 · Redis Fundamentals · Lesson 1 of 2 · 3 min read \(measured: \d+ min for \d+ words and \d+ lines of code\)$/,
    );
    await expect.poll(() => page.locator('.sidebar a[aria-current="page"]').innerText()).toBe('Welcome Fixture');

    await page.click('a[rel="next"]');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Second Steps');

    await expect.poll(() => page.locator('a[rel="next"] .prev-next__label').innerText()).toBe('Next · Phase 2: Core Data Structures');
    await page.click('a[rel="next"]');
    expect(page.url()).toBe(`${s.site.url}core-data-structures/counters/`);
    await expect.poll(() => page.locator('.breadcrumbs').innerText()).toContain('Phase 2: Core Data Structures');
  });

  test('a lesson shows its interview questions between Common mistakes and Summary, answers behind a reveal', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    const headings = await page.locator('.prose h2').allInnerTexts();
    expect(headings.slice(-3)).toEqual(['Common mistakes', 'Interview questions', 'Summary']);
    const answer = page.locator('details.question').first().locator('.question__answer');
    await expect.poll(() => answer.isVisible()).toBe(false);
    await page.locator('details.question summary').first().click();
    await expect.poll(() => answer.isVisible()).toBe(true);
    await expect.poll(() => page.locator('.badge').allInnerTexts()).toEqual(['Beginner', 'Advanced']);
  });

  test('the table of contents links to the headings of the lesson', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    const targets = await page.locator('.toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(targets).toContain('#interview-questions');
    for (const target of targets) await expect.poll(() => page.locator(target!).count()).toBe(1);
  });

  test('drafts are left out of the production build', async () => {
    const { page } = s;
    const response = await page.goto(`${s.site.url}advanced-patterns/unfinished/`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Page not found');
    await page.goto(s.site.url);
    await expect.poll(() => page.locator('body').innerText()).not.toContain('Unfinished Draft');
  });

  test('a lesson fresh from the scaffold builds into a page with every template section', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}${SCAFFOLDED.path}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe(SCAFFOLDED.title);
    await expect.poll(() => page.locator('.prose h2').allInnerTexts()).toEqual([
      'Introduction', 'Understanding the topic', 'Step-by-step explanation', 'Syntax reference', 'Informative example',
      'Real-world use', 'Best practices', 'Common mistakes', 'Interview questions', 'Summary',
    ]);
    await expect.poll(() => page.locator('.diagram svg').count()).toBe(1);
  });

  test('pages describe themselves to search engines and link previews', async () => {
    const { page } = s;
    const jsonLd = async () => JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    await page.goto(s.site.url);
    expect(await jsonLd()).toMatchObject({ '@type': 'Course', name: 'Redis Mastery', timeRequired: 'PT17M' });
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    expect(await jsonLd()).toMatchObject({ '@type': 'LearningResource', name: 'Welcome Fixture', timeRequired: 'PT3M', isPartOf: { '@type': 'Course' } });
    await expect.poll(() => page.locator('meta[property="og:title"]').getAttribute('content')).toBe('Welcome Fixture');
    await expect.poll(() => page.locator('meta[name="description"]').getAttribute('content')).toBe(
      'A fixture lesson with a diagram, code, a callout and tabs for the end-to-end tests.',
    );
    const robots = await (await page.request.get(`${s.site.url}robots.txt`)).text();
    expect(robots).toContain('Sitemap: http://127.0.0.1/sitemap-index.xml');
  });

  test('a printed lesson has no navigation and shows every answer', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(false);
    await expect.poll(() => page.locator('.site-header').isVisible()).toBe(false);
    await expect.poll(() => page.locator('.question__answer').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  test('every page loads without console errors and only from its own origin', async () => {
    const origin = new URL(s.site.url).origin;
    expect(s.requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(s.consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
  });
});
