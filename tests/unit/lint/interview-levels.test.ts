import { describe, expect, test } from 'vitest';
import { fixture, lintFixture } from './fixtures';

const RULE = 'interview-levels';

describe('RM104/interview-levels', () => {
  test('passes five questions at all three levels', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('rejects questions that all have one level', () => {
    expect(lintFixture(RULE, 'one-level')).toEqual([
      `${fixture(RULE, 'one-level')}:7:1 error RM104/interview-levels Interview questions cover only the Beginner level. Add a question at the Intermediate or Advanced level; a lesson needs at least 2 levels.`,
    ]);
  });

  test('warns when one of the three levels is missing', () => {
    expect(lintFixture(RULE, 'missing-level')).toEqual([
      `${fixture(RULE, 'missing-level')}:7:1 warning RM104/interview-levels No Advanced interview question. A finished lesson has questions at every level (Beginner, Intermediate, Advanced).`,
    ]);
  });

  test('warns when there are fewer than five questions', () => {
    expect(lintFixture(RULE, 'few-questions')).toEqual([
      `${fixture(RULE, 'few-questions')}:7:1 warning RM104/interview-levels Only 3 interview questions. A finished lesson has 5 or more; add 2.`,
    ]);
  });
});
