import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../../src/course/problems';
import { lintFolder } from '../../../src/lint/lint';
import { folderOf } from '../../support/course';
import { findMdxTraps } from '../../../src/lint/prose';
import { noRawHtmlLt } from '../../../src/lint/rules/no-raw-html-lt';
import { fixture, lintFixture } from './fixtures';

const RULE = 'no-raw-html-lt';

describe('RM111/no-raw-html-lt', () => {
  test('passes components, entities, escapes, inline code, comments and a spaced <', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('explains a generic type in prose next to the parser message', () => {
    expect(lintFixture(RULE, 'generic-type')).toEqual([
      `${fixture(RULE, 'generic-type')}:49:23 error RM111/no-raw-html-lt "<String" in prose starts a JSX tag in MDX, and <String> is not a component or HTML tag the lesson can use. Write \`&lt;\` or use inline code.`,
      `${fixture(RULE, 'generic-type')}:49:30 error RM100/mdx-syntax The lesson is not valid MDX: Unexpected character \`,\` (U+002C) in name, expected a name character such as letters, digits, \`$\`, or \`_\`; whitespace before attributes; or the end of the tag. In MDX \`<\` starts a tag: write \`&lt;\` or put it in inline code.`,
    ]);
  });

  test('reports an expression even when MDX accepts it', () => {
    expect(lintFixture(RULE, 'expression')).toEqual([
      `${fixture(RULE, 'expression')}:49:5 error RM111/no-raw-html-lt "{" in prose starts a JavaScript expression in MDX. Write \`\\{\` or use inline code.`,
    ]);
  });

  test('reports <= in prose', () => {
    expect(lintFixture(RULE, 'less-than-or-equal')).toEqual([
      `${fixture(RULE, 'less-than-or-equal')}:49:14 error RM111/no-raw-html-lt "<=" in prose starts a JSX tag in MDX. Write \`&lt;\` or use inline code.`,
      `${fixture(RULE, 'less-than-or-equal')}:49:15 error RM100/mdx-syntax The lesson is not valid MDX: Unexpected character \`=\` (U+003D) before name, expected a character that can start a name, such as a letter, \`$\`, or \`_\`. In MDX \`<\` starts a tag: write \`&lt;\` or put it in inline code.`,
    ]);
  });

  test('reports an autolink and suggests a Markdown link', () => {
    expect(lintFixture(RULE, 'autolink')).toEqual([
      `${fixture(RULE, 'autolink')}:49:6 error RM111/no-raw-html-lt "<https://redis.io/docs/>" is an autolink, which MDX reads as a JSX tag. Write [text](url), or use inline code.`,
      `${fixture(RULE, 'autolink')}:49:13 error RM100/mdx-syntax The lesson is not valid MDX: Unexpected character \`/\` (U+002F) before local name, expected a character that can start a name, such as a letter, \`$\`, or \`_\`. In MDX \`<\` starts a tag: write \`&lt;\` or put it in inline code.`,
    ]);
  });

  test('ignores code fences, inline code spans across lines and link destinations', () => {
    const markdown = ['```java', 'Map<String, Long> m = new HashMap<>();', '```', '', 'Use `Map<String,', 'Long>` or [docs](https://x.test/{id}).'].join('\n');
    expect(findMdxTraps(markdown, () => false)).toEqual([]);
  });

  test('reports one problem per line and kind, counting the rest', () => {
    const raw = '## Introduction\n\nA Map<String, List<Long>> keyed by {id} or {name}.\n';
    const lines = lintFolder(folderOf({ 'lessons/p/a.mdx': raw }), { rules: [noRawHtmlLt] }).map(formatProblem);
    expect(lines.filter((l) => l.includes('RM111'))).toEqual([
      'lessons/p/a.mdx:3:6 error RM111/no-raw-html-lt "<String" in prose starts a JSX tag in MDX, and <String> is not a component or HTML tag the lesson can use. Write `&lt;` or use inline code. (1 more on this line.)',
      'lessons/p/a.mdx:3:36 error RM111/no-raw-html-lt "{" in prose starts a JavaScript expression in MDX. Write `\\{` or use inline code. (1 more on this line.)',
    ]);
  });
});
