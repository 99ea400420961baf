import { describe, expect, test } from 'vitest';
import { countSentences } from '../../../src/lint/rules/description-length';
import { fixture, lintFixture } from './fixtures';

const RULE = 'description-length';

describe('RM106/description-length', () => {
  test('passes a one-sentence description', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('does not count the full stop of an abbreviation as the end of a sentence', () => {
    expect(lintFixture(RULE, 'valid-abbreviation')).toEqual([]);
  });

  test('warns about a description of two sentences', () => {
    expect(lintFixture(RULE, 'two-sentences')).toEqual([
      `${fixture(RULE, 'two-sentences')}:3:1 warning RM106/description-length description has 2 sentences. It is shown as one line on cards and in search results: keep it to one sentence that says what the learner gets.`,
    ]);
  });

  test.each([
    ['Rank members with ZADD and ZRANGE in Redis 7.2.', 1],
    ['Rank members. Page through them! Expire them?', 3],
    ['Use sorted sets, i.e. skiplists, for ranking.', 1],
    ['Learn "sorted sets." Then build a leaderboard.', 2],
  ])('counts the sentences of %j as %i', (text, count) => {
    expect(countSentences(text)).toBe(count);
  });
});
