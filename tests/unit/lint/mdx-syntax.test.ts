import { describe, expect, test } from 'vitest';
import { fixture, lintFixture } from './fixtures';

const RULE = 'mdx-syntax';

describe('RM100/mdx-syntax', () => {
  test('passes a lesson that parses as MDX', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('reports a component that is never closed at its opening line', () => {
    expect(lintFixture(RULE, 'unclosed-component')).toEqual([
      `${fixture(RULE, 'unclosed-component')}:49:1 error RM100/mdx-syntax The lesson is not valid MDX: Expected a closing tag for \`<Callout>\` (49:1-49:21). Close every component on its own line (\`</Callout>\`), or self-close it (\`<Tab />\`).`,
    ]);
  });

  test('reports an expression that is not JavaScript, and RM111 points at its brace', () => {
    expect(lintFixture(RULE, 'bad-expression')).toEqual([
      `${fixture(RULE, 'bad-expression')}:53:12 error RM111/no-raw-html-lt "{" in prose starts a JavaScript expression in MDX. Write \`\\{\` or use inline code.`,
      `${fixture(RULE, 'bad-expression')}:53:15 error RM100/mdx-syntax The lesson is not valid MDX: Could not parse expression with acorn. In MDX \`{\` starts an expression: write \`\\{\` or put it in inline code.`,
    ]);
  });
});
