import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cachedRenderer } from '../../../src/markdown/compile-cache';

const dir = mkdtempSync(join(tmpdir(), 'compile-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An MDX renderer that numbers its compiles, so a result from the cache shows as an older number. */
const counting = () => {
  let compiles = 0;
  return { process: async (content: string, _filePath: string, _frontmatter: Record<string, unknown>) => ({ code: `${content} #${++compiles}` }) };
};

test('a lesson compiled once comes from the cache the next time, unless `keep` refused that compile', async () => {
  const stats = { compiled: 0, cached: 0 };
  const unfinished = new Set(['/course/draft.mdx']);
  const renderer = cachedRenderer(counting(), dir, 'context', stats, (file) => !unfinished.delete(file));
  // The first compile of draft.mdx is refused (in dev: a diagram was still being drawn), the second is kept.
  expect(await renderer.process('draft', '/course/draft.mdx', {})).toEqual({ code: 'draft #1' });
  expect(await renderer.process('draft', '/course/draft.mdx', {})).toEqual({ code: 'draft #2' });
  expect(await renderer.process('draft', '/course/draft.mdx', {})).toEqual({ code: 'draft #2' });
  expect(await renderer.process('done', '/course/done.mdx', {})).toEqual({ code: 'done #3' });
  expect(await renderer.process('done', '/course/done.mdx', {})).toEqual({ code: 'done #3' });
  expect(stats).toEqual({ compiled: 3, cached: 2 });
});
