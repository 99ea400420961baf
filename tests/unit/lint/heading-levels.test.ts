import { describe, expect, test } from 'vitest';
import { fixture, lintFixture } from './fixtures';

const RULE = 'heading-levels';

describe('RM107/heading-levels', () => {
  test('passes headings that go down one level at a time', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('rejects a # heading in the body', () => {
    expect(lintFixture(RULE, 'h1-in-body')).toEqual([
      `${fixture(RULE, 'h1-in-body')}:15:1 error RM107/heading-levels A \`#\` heading in the body: the lesson title is the page's only h1. Use \`##\` for a section or \`###\` inside one.`,
    ]);
  });

  test('rejects a heading that skips a level', () => {
    expect(lintFixture(RULE, 'skipped-level')).toEqual([
      `${fixture(RULE, 'skipped-level')}:21:1 error RM107/heading-levels Heading level skips from ## to ####. Use ### here, so the table of contents and screen readers keep the structure.`,
    ]);
  });
});
