import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { expect, test } from 'vitest';
import { remarkInterviewQuestions } from '../../../src/markdown/remark-interview-questions';

const render = async (markdown: string, interviewQuestions: unknown) => {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: { interviewQuestions } } } });
  return String(await unified().use(remarkParse).use(remarkInterviewQuestions).use(remarkRehype).use(rehypeStringify).process(file));
};
const questions = [{ level: 'Advanced', question: 'Why a skiplist?', answer: 'Ranges in **O(log N)**.' }];

test('places the questions after Common mistakes and before the Summary', async () => {
  const html = await render('## Common mistakes\n\nNone.\n\n## Summary\n\nDone.', questions);
  expect(html.replace(/\n/g, '')).toBe(
    '<h2>Common mistakes</h2><p>None.</p><h2>Interview questions</h2><details id="q-1" class="question question--advanced" data-level="Advanced" data-pagefind-ignore=""><summary><span class="question__number">Q1</span><span class="badge badge--advanced">Advanced</span><span class="question__text">Why a skiplist?</span></summary><div class="question__answer"><p>Ranges in <strong>O(log N)</strong>.</p></div></details><h2>Summary</h2><p>Done.</p>',
  );
});

test('adds nothing when the lesson has no questions', async () => {
  expect(await render('## Summary', undefined)).toBe('<h2>Summary</h2>');
});
