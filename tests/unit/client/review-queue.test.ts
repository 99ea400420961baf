import { describe, expect, test } from 'vitest';
import { dueDay, dueQuestions, dueSummary, isDue, nextDue, nextInSession, whenDay, type ReviewState } from '../../../src/client/review-queue';
import type { Card } from '../../../src/client/review-schedule';

const TODAY = '2026-12-01';
const learnt: Card = { due: TODAY, interval: 6, ease: 2.5, reps: 2, lapses: 0 };

describe('what is due', () => {
  const state: ReviewState = {
    completed: { 'p/a/': '2026-11-28T10:00:00', 'p/b/': '2026-11-30T10:00:00' },
    review: {
      'p/a/#q-1': { ...learnt, due: '2026-12-03' },
      'p/b/#q-1': { ...learnt, due: '2026-11-29' },
      // An export from another device, scheduled long ahead.
      'p/c/#q-1': { ...learnt, due: '2027-03-01' },
    },
  };
  const ids = ['p/a/#q-1', 'p/a/#q-2', 'p/b/#q-1', 'p/b/#q-2', 'p/c/#q-1', 'p/d/#q-1'];

  test.each([
    ['a reviewed question, on its card’s day', 'p/a/#q-1', '2026-12-03'],
    ['a question of a completed lesson never reviewed, from the day the lesson was completed', 'p/a/#q-2', '2026-11-28'],
    ['an imported date in the future, on that date', 'p/c/#q-1', '2027-03-01'],
    ['a question of a lesson not completed, never', 'p/d/#q-1', undefined],
  ])('%s', (_name, id, day) => {
    expect(dueDay(state, id)).toBe(day);
  });

  test('due questions come longest overdue first, then in course order; the future and unfinished ones wait', () => {
    expect(dueQuestions(state, ids, TODAY)).toEqual(['p/a/#q-2', 'p/b/#q-1', 'p/b/#q-2']);
    expect(dueQuestions(state, ids, '2026-12-03')).toEqual(['p/a/#q-2', 'p/b/#q-1', 'p/b/#q-2', 'p/a/#q-1']);
    expect(isDue(state, 'p/c/#q-1', '2027-02-28')).toBe(false);
    expect(isDue(state, 'p/c/#q-1', '2027-03-01')).toBe(true);
  });

  test('the next day something falls due, and how many then', () => {
    expect(nextDue(state, ids, TODAY)).toEqual({ day: '2026-12-03', count: 1 });
    expect(nextDue(state, ['p/c/#q-1'], TODAY)).toEqual({ day: '2027-03-01', count: 1 });
    expect(nextDue(state, ['p/d/#q-1'], TODAY)).toBeUndefined();
  });

  test.each([
    [ids, '3 questions due for review'],
    [['p/a/#q-1', 'p/c/#q-1'], 'No questions due; 1 question comes back in 2 days.'],
    [['p/d/#q-1'], 'No questions due. Completing a lesson adds its interview questions to your review.'],
  ])('the due line for %j', (questions, text) => {
    expect(dueSummary(state, questions, TODAY).text).toBe(text);
  });
});

describe('a review session', () => {
  test.each([
    ['the first due question to start', [], 'a'],
    ['the next one not yet shown', [['a', 1]], 'b'],
    ['a question answered "Again" after the others', [['a', 1], ['b', 1]], 'c'],
    ['then the one answered "Again"', [['a', 1], ['b', 1], ['c', 1]], 'a'],
  ] as const)('shows %s', (_name, shown, next) => {
    expect(nextInSession(['a', 'b', 'c'], new Map(shown))).toBe(next);
  });

  test('shows a question answered "Again" straight away when it is the last one due, and ends when none is', () => {
    expect(nextInSession(['a'], new Map([['a', 2]]))).toBe('a');
    expect(nextInSession([], new Map([['a', 3]]))).toBeUndefined();
  });
});

describe('when a day is', () => {
  test.each([
    ['2026-11-20', 'today'],
    [TODAY, 'today'],
    ['2026-12-02', 'tomorrow'],
    ['2026-12-07', 'in 6 days'],
    ['2026-12-08', 'on 8 Dec 2026'],
    ['2027-03-01', 'on 1 Mar 2027'],
  ])('%s is %s', (day, text) => {
    expect(whenDay(day, TODAY)).toBe(text);
  });
});
