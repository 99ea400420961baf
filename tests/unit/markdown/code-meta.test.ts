import { expect, test } from 'vitest';
import { parseCodeMeta } from '../../../src/markdown/code-meta';

test('reads a title, highlighted ranges and flags', () => {
  const meta = parseCodeMeta('title="App.java" {1,3-5} continue skip="needs a cluster" vary=\\d+');
  expect(meta.title).toBe('App.java');
  expect([...meta.highlight]).toEqual([1, 3, 4, 5]);
  expect(Object.fromEntries(meta.attributes)).toEqual({ title: 'App.java', continue: true, skip: 'needs a cluster', vary: '\\d+' });
});

test('treats a missing meta string as empty', () => {
  expect(parseCodeMeta(undefined)).toEqual({ title: undefined, highlight: new Set(), attributes: new Map() });
});
