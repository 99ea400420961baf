import { expect, test } from 'vitest';
import { readBuiltSite } from '../../../src/integrations/built-site';
import { checkLinks, formatBrokenLink } from '../../../src/integrations/link-check';

test('reports broken pages and anchors with the page and the link, and lists external links', () => {
  const report = checkLinks(readBuiltSite('tests/fixtures/link-site'), '/docs/');
  expect(report.broken.map(formatBrokenLink)).toEqual([
    '/: link "guide/#missing-anchor" points to #missing-anchor, which is not on that page',
    '/: link "/docs/nowhere/" leads to a page that does not exist',
    'lessons/guide.mdx (page /guide/): link "/elsewhere/" is outside the base path /docs/',
  ]);
  expect(report.external).toEqual(['https://example.org/docs/guide/', 'https://example.org/docs/missing/', 'https://redis.io/docs/']);
  expect(report.pages).toBe(2);
  expect(report.internalLinks).toBe(8);
});

test('checks absolute links to the site itself like internal ones', () => {
  const report = checkLinks(readBuiltSite('tests/fixtures/link-site'), '/docs/', 'https://example.org');
  expect(report.external).toEqual(['https://redis.io/docs/']);
  expect(report.broken.map(formatBrokenLink)).toContain('/: link "https://example.org/docs/missing/" leads to a page that does not exist');
});
