import { expect, test } from 'vitest';
import { treeRss } from '../../../src/bench/measure';

const table = new Map([
  [1, { parent: 0, rss: 100 }],
  [10, { parent: 1, rss: 10 }],
  [11, { parent: 10, rss: 1 }],
  [20, { parent: 1, rss: 20 }],
  [30, { parent: 2, rss: 1000 }],
]);

test.each([
  [1, 131],
  [10, 11],
  [30, 1000],
  [99, 0],
])('sums the memory of process %i and every process under it', (root, rss) => {
  expect(treeRss(root, table)).toBe(rss);
});

test('has no figure where there is no process table', () => {
  expect(treeRss(1, new Map())).toBeUndefined();
});
