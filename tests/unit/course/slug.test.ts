import { expect, test } from 'vitest';
import { lessonSlug, slugify } from '../../../src/course/slug';

test.each([
  ['lessons/core-data-structures/sorted-sets.mdx', 'sorted-sets'],
  ['lessons/x/03-streams.mdx', 'streams'],
  ['lessons\\x\\Pub Sub.mdx', 'pub-sub'],
])('the slug of %s is %s', (file, slug) => {
  expect(lessonSlug(file)).toBe(slug);
});

test.each([
  ['Sorted Sets & Leaderboards', 'sorted-sets--leaderboards'.replace('--', '-')],
  ['Café à Paris', 'cafe-a-paris'],
  ['Redis 入門', 'redis-入門'],
  ['🚀 Rocket Redis', 'rocket-redis'],
])('slugify(%s) is %s', (title, slug) => {
  expect(slugify(title)).toBe(slug);
});
