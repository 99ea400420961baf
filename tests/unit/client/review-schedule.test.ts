import { describe, expect, test } from 'vitest';
import { isDue } from '../../../src/client/review-queue';
import { review, type Card, type Grade } from '../../../src/client/review-schedule';

const TODAY = '2026-12-01';
const learnt: Card = { due: TODAY, interval: 6, ease: 2.5, reps: 2, lapses: 0 };

/** Grades one question on the days the schedule names, starting new on `TODAY`. */
function history(grades: Grade[]): Card[] {
  const cards: Card[] = [];
  for (const grade of grades) cards.push(review(cards.at(-1), grade, cards.at(-1)?.due ?? TODAY));
  return cards;
}

describe('the review schedule (SM-2)', () => {
  test.each([
    ['again', { due: TODAY, interval: 0, ease: 2.18, reps: 0, lapses: 0 }],
    ['hard', { due: '2026-12-02', interval: 1, ease: 2.36, reps: 1, lapses: 0 }],
    ['good', { due: '2026-12-02', interval: 1, ease: 2.5, reps: 1, lapses: 0 }],
    ['easy', { due: '2026-12-02', interval: 1, ease: 2.6, reps: 1, lapses: 0 }],
  ] as const)('a new question graded %s', (grade, card) => {
    expect(review(undefined, grade, TODAY)).toEqual(card);
  });

  test.each([
    ['again', { due: TODAY, interval: 0, ease: 2.18, reps: 0, lapses: 1 }],
    ['hard', { due: '2026-12-15', interval: 14, ease: 2.36, reps: 3, lapses: 0 }],
    ['good', { due: '2026-12-16', interval: 15, ease: 2.5, reps: 3, lapses: 0 }],
    ['easy', { due: '2026-12-17', interval: 16, ease: 2.6, reps: 3, lapses: 0 }],
  ] as const)('a question on its third review (6 days, ease 2.5) graded %s', (grade, card) => {
    expect(review(learnt, grade, TODAY)).toEqual(card);
  });

  test('"Good" every time: 1, 6, 15 and 38 days', () => {
    expect(history(['good', 'good', 'good', 'good']).map((c) => [c.interval, c.due])).toEqual([
      [1, '2026-12-02'],
      [6, '2026-12-08'],
      [15, '2026-12-23'],
      [38, '2027-01-30'],
    ]);
  });

  test('"Again" keeps a question due today, so it comes back in the same session, and its next grade starts it over', () => {
    const [failed, relearnt, second] = history(['again', 'good', 'good']);
    expect(isDue({ completed: {}, review: { 'p/a/#q-1': failed! } }, 'p/a/#q-1', TODAY)).toBe(true);
    expect(relearnt).toMatchObject({ due: '2026-12-02', interval: 1, reps: 1 });
    expect(second).toMatchObject({ due: '2026-12-08', interval: 6, reps: 2 });
  });

  test('a lapse: forgetting a learnt question counts, resets its interval and lowers its ease', () => {
    const cards = history(['good', 'good', 'good', 'again', 'good', 'good']);
    expect(cards.map((c) => [c.interval, c.lapses, c.ease])).toEqual([
      [1, 0, 2.5],
      [6, 0, 2.5],
      [15, 0, 2.5],
      [0, 1, 2.18],
      [1, 1, 2.18],
      [6, 1, 2.18],
    ]);
  });

  test('the ease never falls below 1.3', () => {
    const cards = history(['hard', 'again', 'again', 'again', 'hard', 'hard', 'hard']);
    expect(cards.at(-1)).toMatchObject({ ease: 1.3, interval: 8, reps: 3 });
  });
});
