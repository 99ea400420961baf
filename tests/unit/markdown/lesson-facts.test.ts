import { mdxToJs } from 'satteri';
import { expect, test } from 'vitest';
import { lessonFacts } from '../../../src/markdown/lesson-facts';
import { astroData } from '../../support/satteri';

const facts = async (mdx: string, frontmatter: Record<string, unknown> = {}) => {
  const data = astroData(frontmatter);
  await mdxToJs(mdx, { mdastPlugins: [lessonFacts], data });
  const { readingTime, hasCode } = data.astro.frontmatter;
  return { readingTime, hasCode };
};

test('measures the prose, the code lines and the questions, leaving diagrams out', async () => {
  const mdx = 'One two three.\n\n```java\nint a;\n\nint b;\n```\n\n```mermaid\nflowchart LR\n  A --> B\n```\n';
  expect(await facts(mdx, { interviewQuestions: [{ question: 'Four five?', answer: 'Six.' }] })).toEqual({
    readingTime: { proseWords: 6, codeLines: 2, minutes: 1 },
    hasCode: true,
  });
});

test('says a lesson with only a diagram has no code to copy', async () => {
  expect((await facts('```mermaid\nflowchart LR\n  A --> B\n```\n')).hasCode).toBe(false);
});
