import { describe, expect, test } from 'vitest';
import { buildOfCache, cacheName, formatBytes, offlineUrl, requestPath, updatePlan, type OfflineManifest } from '../../../src/course/offline-copy';

describe('offlineUrl', () => {
  test.each([
    ['index.html', ''],
    ['queries/joins/index.html', 'queries/joins/'],
    ['404.html', '404.html'],
    ['_astro/Base.x.css', '_astro/Base.x.css'],
    ['pagefind/index/en_1.pf_index', 'pagefind/index/en_1.pf_index'],
  ])('requests %s as "%s"', (file, url) => {
    expect(offlineUrl(file)).toBe(url);
  });
});

describe('requestPath', () => {
  const scope = 'https://example.org/redis-mastery/';
  test.each([
    ['https://example.org/redis-mastery/', ''],
    ['https://example.org/redis-mastery/queries/joins/#q-2', 'queries/joins/'],
    ['https://example.org/redis-mastery/pagefind/pagefind-entry.json?ts=123', 'pagefind/pagefind-entry.json'],
    ['https://example.org/other-course/', undefined],
    ['https://example.org/redis-masteryx/', undefined],
    ['https://cdn.example.org/redis-mastery/x.js', undefined],
  ])('answers %s from "%s"', (url, path) => {
    expect(requestPath(url, scope)).toBe(path);
  });
});

describe('cache names', () => {
  test('name the scope and the build, and only this scope’s names give a build back', () => {
    const name = cacheName('https://example.org/a/', '0123abcd');
    expect(buildOfCache(name, 'https://example.org/a/')).toBe('0123abcd');
    expect(buildOfCache(name, 'https://example.org/')).toBeUndefined();
    expect(buildOfCache('some-other-cache', 'https://example.org/a/')).toBeUndefined();
  });
});

describe('updatePlan', () => {
  const manifest = (files: [string, string][]): OfflineManifest => ({ build: 'b', bytes: files.length, files: files.map(([url, hash]) => ({ url, size: 1, hash })) });

  test('reuses unchanged files and downloads changed and new ones', () => {
    const before = manifest([['', 'h1'], ['a/', 'h2'], ['gone/', 'h3']]);
    const after = manifest([['', 'h1'], ['a/', 'h2-new'], ['new/', 'h4']]);
    const plan = updatePlan(before, after);
    expect(plan.reuse.map((f) => f.url)).toEqual(['']);
    expect(plan.download.map((f) => f.url)).toEqual(['a/', 'new/']);
  });

  test('downloads everything when nothing is saved yet', () => {
    expect(updatePlan(undefined, manifest([['', 'h1']])).download.map((f) => f.url)).toEqual(['']);
  });
});

describe('formatBytes', () => {
  test.each([
    [0, '1 KB'],
    [340_400, '340 KB'],
    [999_499, '999 KB'],
    [999_500, '1.0 MB'],
    [4_249_999, '4.2 MB'],
    [9_949_999, '9.9 MB'],
    [9_950_000, '10 MB'],
    [123_456_789, '123 MB'],
  ])('shows %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
