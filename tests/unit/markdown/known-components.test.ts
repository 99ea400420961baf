import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { expect, test } from 'vitest';
import { importedNames, knownComponents } from '../../../src/markdown/known-components';

const dir = mkdtempSync(join(tmpdir(), 'known-components-'));
writeFileSync(join(dir, 'Chart.astro'), '<figure />');
const compile = (mdx: string) => {
  try {
    mdxToJs(mdx, { mdastPlugins: [knownComponents], fileURL: pathToFileURL(join(dir, 'lesson.mdx')) });
    return 'compiles';
  } catch (error) {
    const e = error as { message: string; line?: number; column?: number };
    return `${e.line}:${e.column} ${e.message}`;
  }
};

test.each([
  ["import Chart from './Chart.astro';", [{ names: ['Chart'], specifier: './Chart.astro' }]],
  ["import { A, B as C } from 'pkg';", [{ names: ['A', 'C'], specifier: 'pkg' }]],
  ['export const x = 1;', []],
])('reads the names and the file of %j', (esm, expected) => {
  expect(importedNames(esm)).toEqual(expected);
});

test('lets a lesson use the provided components and the ones it imports', () => {
  expect(compile("import Chart from './Chart.astro';\n\n<Callout>Hi</Callout>\n\n<Chart />\n")).toBe('compiles');
});

test('fails at the line of a component that is neither provided nor imported', () => {
  expect(compile('# Title\n\nText with <Widgit /> inside.\n')).toBe(
    '3:11 Unknown component <Widgit>. Lessons can use <Callout>, <Tabs> and <Tab> without an import; check the spelling or import it.',
  );
});

test('fails at the line of an import whose file does not exist', () => {
  expect(compile("# Title\n\nimport Gone from './Gone.astro';\n")).toBe(
    `3:1 The import "./Gone.astro" points to a file that does not exist (looked in ${dir}). Fix the path or remove the import.`,
  );
});
