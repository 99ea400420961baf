import { expect, test } from 'vitest';
import { openSite, useSite } from '../support/browser';
import { describeWithChromium } from '../support/chromium';
import { diagramContrastProblems } from '../support/diagram-contrast';
import { lessonFiles } from '../../src/course/folder';

describeWithChromium('code blocks and diagrams', () => {
  const s = useSite('root', {}, (session) => session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.site.url).origin }));

  test('a diagram is one inline SVG, coloured by the scheme, and no Mermaid script loads', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.diagram svg').count()).toBe(1);
    await expect.poll(() => page.locator('.diagram svg text', { hasText: 'Client' }).count()).toBeGreaterThan(0);
    expect(s.requests.filter((url) => /mermaid/i.test(url))).toEqual([]);
    const nodeFill = () => page.locator('.diagram svg .node rect').first().evaluate((el) => getComputedStyle(el).fill);
    await expect.poll(() => nodeFill()).toBe('rgb(236, 236, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => nodeFill()).toBe('rgb(30, 36, 51)');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('code blocks show their language and title, and the copy button copies', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    const java = page.locator('figure.code[data-lang="java"]').first();
    await expect.poll(() => java.locator('.code__title').innerText()).toBe('Greeter.java');
    await expect.poll(() => java.locator('.code__lang').innerText()).toBe('Java');
    await expect.poll(() => java.locator('.line.highlighted').innerText()).toContain('greet()');

    await java.locator('button.code__copy').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      'public record Greeter(String name) {\n    public String greet() { return "hello " + name; }\n}',
    );
    await expect.poll(() => java.locator('button.code__copy').innerText()).toBe('Copied');

    await page.locator('figure.code[data-lang="redis-cli"] button.code__copy').first().click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('SET greeting "hello"\nGET greeting');
  });

  test('tabs switch with the mouse and the arrow keys', async () => {
    const { page } = s;
    const tabs = page.locator('[role="tab"]');
    await expect.poll(() => tabs.allInnerTexts()).toEqual(['redis-cli', 'Java']);
    await expect.poll(() => page.locator('[role="tabpanel"]:visible').innerText()).toContain('INCR visits');
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[role="tabpanel"]:visible').innerText()).toContain('opsForValue');
    await expect.poll(() => tabs.nth(1).getAttribute('aria-selected')).toBe('true');
  });

  test('without a browser at build time, diagrams are drawn in the page that has them, and only there', async () => {
    const client = await openSite('clientDiagrams');
    try {
      await client.page.goto(`${client.site.url}interview/`, { waitUntil: 'networkidle' });
      expect(client.requests.filter((url) => /mermaid/i.test(url))).toEqual([]);
      await client.page.goto(`${client.site.url}redis-fundamentals/welcome/`);
      await client.page.locator('.diagram--client svg').waitFor();
      expect(client.requests.some((url) => /mermaid/i.test(url))).toBe(true);
      // Drawn in the browser, themed by the same custom properties as at build.
      const nodeFill = () => client.page.locator('.diagram--client svg .node rect').first().evaluate((el) => getComputedStyle(el).fill);
      await expect.poll(() => nodeFill()).toBe('rgb(236, 236, 255)');
      await client.page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => nodeFill()).toBe('rgb(30, 36, 51)');
      expect(await diagramContrastProblems(client.page)).toEqual([]);
    } finally {
      await client.close();
    }
  });
});

describeWithChromium('the theme switch', () => {
  const s = useSite('root', { colorScheme: 'light' });

  test('cycles system → light → dark, applies to code and diagrams, and survives a reload without a flash', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    const toggle = page.locator('[data-theme-toggle]');
    await expect.poll(() => toggle.getAttribute('aria-label')).toBe('Colour scheme: follows the system');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-label')).toBe('Colour scheme: light');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-label')).toBe('Colour scheme: dark');
    await expect.poll(() => page.locator('.diagram svg .node rect').first().evaluate((el) => getComputedStyle(el).fill)).toBe('rgb(30, 36, 51)');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect.poll(() => background()).toBe('rgb(15, 17, 21)');
    await expect.poll(() => page.locator('.shiki').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(13, 17, 23)');

    // The choice is applied by the hashed inline script in <head>, before the page paints.
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('body');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await page.locator('[data-theme-toggle]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await expect.poll(() => background()).toBe('rgb(255, 255, 255)');
  });
});

describeWithChromium("the real course's diagrams", () => {
  const s = useSite('course');
  // A lesson file's path is its page's: lessons/<phase>/<lesson>.mdx is published at <phase>/<lesson>/.
  const courseLessonPaths = () => lessonFiles([], 'lessons').map((lesson) => lesson.file.replace(/^lessons\//, '').replace(/\.mdx$/, '/'));

  test('every diagram has its title and is legible in both schemes: text 4.5:1 on what it is drawn on, lines 3:1 on the page', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1280, height: 1600 });
    const problems: string[] = [];
    let diagrams = 0;
    for (const path of courseLessonPaths()) {
      await page.goto(`${s.site.url}${path}`);
      const titles = await page.locator('.diagram svg').evaluateAll((svgs) => svgs.map((svg) => svg.querySelector(':scope > title')?.textContent?.trim() ?? ''));
      diagrams += titles.length;
      for (const [i, title] of titles.entries()) if (!title) problems.push(`${path} diagram ${i + 1} has no accessible title (accTitle)`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const problem of await diagramContrastProblems(page)) problems.push(`${path} ${scheme}: ${problem}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(diagrams).toBe(46);
    expect(problems).toEqual([]);
  }, 300_000);
});
