import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { Problem } from '../../../src/course/problems';
import { lintWithCache } from '../../../src/lint/cache';

test('reuses the last result while no lesson changed, and lints again when one does', async () => {
  const cacheFile = join(mkdtempSync(join(tmpdir(), 'lint-cache-')), 'lint.json');
  let runs = 0;
  const problem: Problem = { file: 'a.mdx', line: 1, column: 1, severity: 'warning', rule: 'RM109/template-placeholders', message: 'm' };
  const lint = () => {
    runs++;
    return [problem];
  };
  expect(await lintWithCache([{ file: 'a.mdx', raw: 'one' }], cacheFile, lint)).toEqual([problem]);
  expect(await lintWithCache([{ file: 'a.mdx', raw: 'one' }], cacheFile, lint)).toEqual([problem]);
  expect(runs).toBe(1);
  await lintWithCache([{ file: 'a.mdx', raw: 'two' }], cacheFile, lint);
  expect(runs).toBe(2);
});
