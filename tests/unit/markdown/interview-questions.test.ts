import { markdownToHtml } from 'satteri';
import { expect, test } from 'vitest';
import { interviewQuestions } from '../../../src/markdown/interview-questions';
import { astroData } from '../../support/satteri';

const questions = [{ level: 'Advanced', question: 'Why a skiplist?', answer: 'Ranges in **O(log N)**.' }];
const interview = { heading: 'Interview questions', before: 'Summary' };

const render = async (markdown: string, questionsOfLesson: unknown, options = interview) => {
  const { html } = await markdownToHtml(markdown, { mdastPlugins: [interviewQuestions({ interview: options })], data: astroData({ interviewQuestions: questionsOfLesson }) });
  return html.replace(/\n/g, '');
};

test('places the questions after Common mistakes and before the Summary', async () => {
  expect(await render('## Common mistakes\n\nNone.\n\n## Summary\n\nDone.', questions)).toBe(
    '<h2>Common mistakes</h2><p>None.</p><h2>Interview questions</h2><details id="q-1" class="question question--advanced" data-level="Advanced" data-pagefind-ignore=""><summary><span class="question__number">Q1</span><span class="badge badge--advanced">Advanced</span><span class="question__text">Why a skiplist?</span></summary><div class="question__answer"><p>Ranges in <strong>O(log N)</strong>.</p></div></details><h2>Summary</h2><p>Done.</p>',
  );
});

test('adds nothing when the lesson has no questions', async () => {
  expect(await render('## Summary', undefined)).toBe('<h2>Summary</h2>');
});

test('places the questions before a Summary heading written with an emoji or other case, as the linter accepts it', async () => {
  const html = await render('## Common mistakes\n\nNone.\n\n## summary 🚀\n\nDone.', questions);
  expect(html.indexOf('<h2>Interview questions</h2>')).toBeLessThan(html.indexOf('<h2>summary 🚀</h2>'));
  expect(html.indexOf('<h2>Interview questions</h2>')).toBeGreaterThan(html.indexOf('<p>None.</p>'));
});

test('puts the questions under the interview heading an author wrote, without a second heading', async () => {
  const html = await render('## Interview Questions!\n\n## Summary', questions);
  expect(html.match(/<h2>/g)).toHaveLength(2);
  expect(html).toMatch(/^<h2>Interview Questions!<\/h2><details id="q-1"/);
});

test('goes before the section course.yaml names, or at the end when there is none', async () => {
  const before = (section: string) => render('## Intro\n\n## Wrap-up', questions, { heading: 'Check yourself', before: section });
  expect(await before('Wrap-up')).toMatch(/^<h2>Intro<\/h2><h2>Check yourself<\/h2><details[\s\S]*<h2>Wrap-up<\/h2>$/);
  expect(await before('')).toMatch(/^<h2>Intro<\/h2><h2>Wrap-up<\/h2><h2>Check yourself<\/h2><details/);
});
