import { defineRule, report } from '../rule';

/** What to do about the parser's most common complaints. */
const HINTS: [RegExp, string][] = [
  [/expression|acorn|closing brace/i, 'In MDX `{` starts an expression: write `\\{` or put it in inline code.'],
  [/closing tag|end-tag|Expected a closing tag/i, 'Close every component on its own line (`</Callout>`), or self-close it (`<Tab />`).'],
  [/before name|in name|attribute|local name|U\+003C/i, 'In MDX `<` starts a tag: write `&lt;` or put it in inline code.'],
];

export const mdxSyntax = defineRule({
  id: 'RM100',
  name: 'mdx-syntax',
  severity: 'error',
  description: 'The lesson body parses as MDX.',
  check(lesson) {
    const error = lesson.syntaxError;
    if (!error) return [];
    const reason = error.reason.replace(/\s*\(note: .*\)$/s, '').replace(/\.$/, '');
    const hint = HINTS.find(([pattern]) => pattern.test(error.reason))?.[1] ?? 'Fix the MDX at this line; other problems reported near it may explain it.';
    return [report(this, lesson, error, `The lesson is not valid MDX: ${reason}. ${hint}`)];
  },
});
