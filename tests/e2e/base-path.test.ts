import { expect, test } from 'vitest';
import { useSite } from '../support/browser';
import { describeWithChromium } from '../support/chromium';

describeWithChromium('a build under BASE_PATH=/redis-mastery/', () => {
  const s = useSite('subpath');

  test('serves and navigates with every link, asset and search result under the base', async () => {
    const { page } = s;
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(s.site.url);
    expect(s.site.url.endsWith('/redis-mastery/')).toBe(true);
    const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.filter((href) => !href.startsWith('/redis-mastery/'))).toEqual([]);

    await page.click('.lesson-list >> text=Second Steps');
    expect(page.url()).toBe(`${s.site.url}redis-fundamentals/second-steps/`);
    await page.click('.breadcrumbs >> text=Home');
    expect(page.url()).toBe(s.site.url);

    await page.fill('#search-input', 'quokka');
    await page.locator('.search__result').first().click();
    await page.waitForURL(`${s.site.url}core-data-structures/counters/`);
    expect(failed).toEqual([]);
  });

  test('the canonical URL and the sitemap include the base', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    await expect.poll(() => page.locator('link[rel="canonical"]').getAttribute('href')).toBe('http://127.0.0.1/redis-mastery/redis-fundamentals/welcome/');
    const sitemap = await (await page.request.get(`${s.site.url}sitemap-0.xml`)).text();
    expect(sitemap).toContain('<loc>http://127.0.0.1/redis-mastery/redis-fundamentals/welcome/</loc>');
  });
});
