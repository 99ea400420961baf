import { expect, test } from 'vitest';
import { describeBuildError } from '../../../src/course/build-errors';

const cwd = process.cwd();

test('turns a Vite plugin error into file:line and drops stack frames', () => {
  const error = new Error(
    `Build failed with 1 error:\n[plugin @mdx-js/rolldown] ${cwd}/lessons/p/a.mdx:91:1\nMDXError: Mermaid cannot parse the diagram\n    at handler (file:///x.js:1:1)`,
  );
  expect(describeBuildError(error)).toBe('lessons/p/a.mdx:91:1 error Mermaid cannot parse the diagram\nBuild failed. Run with DEBUG=1 for the full error.');
});

test('adds a fix for an unclosed MDX expression', () => {
  const error = Object.assign(new Error('Unexpected end of file in expression, expected a corresponding closing brace for `{`'), {
    loc: { file: `${cwd}/lessons/p/a.mdx`, line: 12, column: 4 },
  });
  expect(describeBuildError(error)).toBe(
    'lessons/p/a.mdx:12:4 error Unexpected end of file in expression, expected a corresponding closing brace for `{`\nFix: In MDX `{` starts an expression. Put it in `inline code`, or escape it as `\\{`.\nBuild failed. Run with DEBUG=1 for the full error.',
  );
});

test('keeps only the first line of a code frame and its location', () => {
  const error = new Error(`\u001b[31m[UNRESOLVED_IMPORT] \u001b[0mCould not resolve './Foo.astro'\n    ╭─[ lessons/p/a.mdx:5:1 ]\n  5 │ import Foo`);
  expect(describeBuildError(error)).toBe(
    "lessons/p/a.mdx:5:1 error Could not resolve './Foo.astro'\nFix: An import points to a file that does not exist. Check the path in the `import` line of the lesson.\nBuild failed. Run with DEBUG=1 for the full error.",
  );
});
