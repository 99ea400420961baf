import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applyFixes } from '../../../src/lint/fix';
import { durationMatchesReadingTime } from '../../../src/lint/rules/duration-matches-reading-time';
import { FIXTURE_CONFIG } from '../../support/course';
import { fixture, lintFixture } from './fixtures';

const RULE = 'duration-matches-reading-time';

describe('RM105/duration-matches-reading-time', () => {
  test('passes a duration that matches the computed reading time', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('warns with both numbers and the value to set', () => {
    expect(lintFixture(RULE, 'duration-too-long')).toEqual([
      `${fixture(RULE, 'duration-too-long')}:6:1 warning RM105/duration-matches-reading-time duration is 10 min but the lesson reads in 1 min (90 % off, more than 25 %). Set duration: 1, or run the linter with --fix.`,
    ]);
  });

  test('fixes only the number, keeping the comment after it', () => {
    const raw = readFileSync(fixture(RULE, 'duration-too-long'), 'utf8');
    const fixed = applyFixes(raw, [durationMatchesReadingTime], FIXTURE_CONFIG);
    expect(fixed).toBe(raw.replace('duration: 10  # minutes', 'duration: 1  # minutes'));
  });

  test('keeps a byte-order mark and CRLF line endings when fixing', () => {
    const raw = `\uFEFF${readFileSync(fixture(RULE, 'duration-too-long'), 'utf8').replace(/\n/g, '\r\n')}`;
    expect(applyFixes(raw, [durationMatchesReadingTime], FIXTURE_CONFIG)).toBe(raw.replace('duration: 10', 'duration: 1'));
  });

  test('leaves a lesson that is close enough unchanged', () => {
    const raw = readFileSync(fixture(RULE, 'valid'), 'utf8');
    expect(applyFixes(raw, [durationMatchesReadingTime], FIXTURE_CONFIG)).toBe(raw);
  });
});
