import { describe, expect, test } from 'vitest';
import { addDays, isDay } from '../../../src/client/days';

describe('calendar days', () => {
  test.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-01', 38, '2027-01-08'],
  ])('%s plus %i days is %s', (day, days, result) => {
    expect(addDays(day, days)).toBe(result);
  });

  test.each([
    ['2026-12-01', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-12-1', false],
    ['tomorrow', false],
  ])('%s is a day: %s', (text, ok) => {
    expect(isDay(text)).toBe(ok);
  });
});
