import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { expect, test } from 'vitest';
import { remarkInterviewQuestions } from '../../../src/markdown/remark-interview-questions';

const render = async (markdown: string, interviewQuestions: unknown) => {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: { interviewQuestions } } } });
  return String(await unified().use(remarkParse).use(remarkInterviewQuestions, { interview }).use(remarkRehype).use(rehypeStringify).process(file));
};
const questions = [{ level: 'Advanced', question: 'Why a skiplist?', answer: 'Ranges in **O(log N)**.' }];
const interview = { heading: 'Interview questions', before: 'Summary' };

test('places the questions after Common mistakes and before the Summary', async () => {
  const html = await render('## Common mistakes\n\nNone.\n\n## Summary\n\nDone.', questions);
  expect(html.replace(/\n/g, '')).toBe(
    '<h2>Common mistakes</h2><p>None.</p><h2>Interview questions</h2><details id="q-1" class="question question--advanced" data-level="Advanced" data-pagefind-ignore=""><summary><span class="question__number">Q1</span><span class="badge badge--advanced">Advanced</span><span class="question__text">Why a skiplist?</span></summary><div class="question__answer"><p>Ranges in <strong>O(log N)</strong>.</p></div></details><h2>Summary</h2><p>Done.</p>',
  );
});

test('adds nothing when the lesson has no questions', async () => {
  expect(await render('## Summary', undefined)).toBe('<h2>Summary</h2>');
});

test('places the questions before a Summary heading written with an emoji or other case, as the linter accepts it', async () => {
  const html = (await render('## Common mistakes\n\nNone.\n\n## summary 🚀\n\nDone.', questions)).replace(/\n/g, '');
  expect(html.indexOf('<h2>Interview questions</h2>')).toBeLessThan(html.indexOf('<h2>summary 🚀</h2>'));
  expect(html.indexOf('<h2>Interview questions</h2>')).toBeGreaterThan(html.indexOf('<p>None.</p>'));
});

test('puts the questions under the interview heading an author wrote, without a second heading', async () => {
  const html = (await render('## Interview Questions!\n\n## Summary', questions)).replace(/\n/g, '');
  expect(html.match(/<h2>/g)).toHaveLength(2);
  expect(html).toMatch(/^<h2>Interview Questions!<\/h2><details id="q-1"/);
});

test('goes before the section course.yaml names, or at the end when there is none', async () => {
  const before = async (section: string) => (await remarkHtml('## Intro\n\n## Wrap-up', { heading: 'Check yourself', before: section })).replace(/\n/g, '');
  expect(await before('Wrap-up')).toMatch(/^<h2>Intro<\/h2><h2>Check yourself<\/h2><details[\s\S]*<h2>Wrap-up<\/h2>$/);
  expect(await before('')).toMatch(/^<h2>Intro<\/h2><h2>Wrap-up<\/h2><h2>Check yourself<\/h2><details/);
});

async function remarkHtml(markdown: string, options: { heading: string; before: string }) {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: { interviewQuestions: questions } } } });
  return String(await unified().use(remarkParse).use(remarkInterviewQuestions, { interview: options }).use(remarkRehype).use(rehypeStringify).process(file));
}
