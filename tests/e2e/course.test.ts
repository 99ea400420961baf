import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { useSite } from '../support/browser';
import { describeWithChromium } from '../support/chromium';
import { axeViolations, cspViolations, recordCspViolations } from '../support/page-checks';
import { SITES } from '../support/sites';

/** Every lesson page of the real course, as site paths. */
const lessonPaths = () =>
  readdirSync(SITES.course.outDir, { withFileTypes: true })
    .filter((phase) => phase.isDirectory() && !phase.name.startsWith('_') && phase.name !== 'pagefind' && phase.name !== 'interview')
    .flatMap((phase) =>
      readdirSync(join(SITES.course.outDir, phase.name), { withFileTypes: true })
        .filter((lesson) => lesson.isDirectory())
        .map((lesson) => `${phase.name}/${lesson.name}/`),
    )
    .sort();

describeWithChromium('the real course', () => {
  const s = useSite('course', {}, (session) => recordCspViolations(session.context));

  test('has 42 lessons, readable from Redis Home to the capstone by following "next"', async () => {
    const { page } = s;
    expect(lessonPaths()).toHaveLength(42);
    await page.goto(s.site.url);
    await page.locator('.hero .button').click();
    const visited: string[] = [];
    await page.waitForURL(/redis-home/);
    for (;;) {
      visited.push(new URL(page.url()).pathname);
      const next = page.locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      const target = new URL((await next.getAttribute('href'))!, page.url()).href;
      await Promise.all([page.waitForURL(target), next.click()]);
    }
    expect(visited[0]).toBe('/redis-fundamentals/redis-home/');
    expect(visited.at(-1)).toBe('/production-operations/designing-with-redis-at-scale/');
    expect(visited).toHaveLength(42);
    await expect.poll(() => page.locator('.prev-next__link--next .prev-next__title').innerText()).toBe('Practise with the interview questions');
  });

  test('every lesson page passes axe (WCAG 2.2 AA) with its answers open, with no CSP violation or console error', async () => {
    const { page } = s;
    const problems: string[] = [];
    for (const path of lessonPaths()) {
      s.consoleErrors.length = 0;
      await page.goto(`${s.site.url}${path}`);
      await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      for (const v of await axeViolations(page)) problems.push(`${path} ${v}`);
      for (const v of await cspViolations(page)) problems.push(`${path} CSP ${v}`);
      for (const e of s.consoleErrors) problems.push(`${path} console ${e}`);
    }
    expect(problems).toEqual([]);
  }, 240_000);

  test('no page scrolls sideways on a 320 px wide phone', async () => {
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    const overflowing: string[] = [];
    for (const path of ['', 'interview/', 'redis-fundamentals/', ...lessonPaths()]) {
      await page.goto(`${s.site.url}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) overflowing.push(`${path} is ${width} px wide`);
    }
    await page.close();
    expect(overflowing).toEqual([]);
  }, 120_000);

  test('on a 390 px phone every lesson is one press of "Lessons" away from the top of Sorted Sets', async () => {
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 390, height: 740 });
    await page.goto(`${s.site.url}core-data-structures/sorted-sets/`);
    await page.click('button[data-outline-toggle]');
    await page.locator('#course-outline').waitFor();
    const current = (await page.locator('#course-outline a[aria-current="page"]').boundingBox())!;
    expect(current.y + current.height).toBeLessThan(740);
    await expect.poll(() => page.locator('#course-outline summary').allInnerTexts()).toHaveLength(6);
    await page.locator('#course-outline summary', { hasText: 'Production Operations' }).click();
    await page.locator('#course-outline a', { hasText: 'Designing with Redis at Scale' }).click();
    await page.waitForURL(/designing-with-redis-at-scale/);
    await page.close();
  });

  test('the home and interview pages pass axe in the dark scheme too', async () => {
    const { page } = s;
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const path of ['', 'interview/', 'production-operations/designing-with-redis-at-scale/']) {
      await page.goto(`${s.site.url}${path}`);
      expect(await axeViolations(page)).toEqual([]);
    }
  });
});
