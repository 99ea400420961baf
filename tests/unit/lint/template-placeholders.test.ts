import { describe, expect, test } from 'vitest';
import { fixture, lintFixture } from './fixtures';

const RULE = 'template-placeholders';

describe('RM109/template-placeholders', () => {
  test('passes a lesson without template markers', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('warns about a marker left in the body', () => {
    expect(lintFixture(RULE, 'placeholder-in-body')).toEqual([
      `${fixture(RULE, 'placeholder-in-body')}:49:1 warning RM109/template-placeholders Template placeholder "TODO(author): three rules with the reason for each." is left from the lesson template. Replace it with the lesson's own text.`,
    ]);
  });

  test('warns about a marker left in the frontmatter, shortened', () => {
    expect(lintFixture(RULE, 'placeholder-in-frontmatter')).toEqual([
      `${fixture(RULE, 'placeholder-in-frontmatter')}:3:15 warning RM109/template-placeholders Template placeholder "TODO(author): one sentence, 40 to 200 characters, that says…" is left from the lesson template. Replace it with the lesson's own text.`,
    ]);
  });
});
