/**
 * When an interview question comes back for review: SM-2, the SuperMemo 2 algorithm (P. Woźniak, 1990), on calendar days.
 *
 * SM-2 rather than FSRS: its whole rule fits in this file with four parameters that mean something to a reader, the
 * next date is predictable from the grade alone, and it needs no weights. FSRS schedules better once its weights are
 * fit to a learner's own review history, which a course kept in one browser, a few hundred questions long, never builds.
 *
 * Each question has a card: an ease (SM-2's E-Factor, from INITIAL_EASE), the count of successful reviews in a row,
 * the interval in days and the day it is due. A grade is an SM-2 quality of response: Again 2, Hard 3, Good 4, Easy 5.
 * - The ease moves by 0.1 − (5 − q)(0.08 + (5 − q) · 0.02): Easy +0.10, Good 0, Hard −0.14, Again −0.32; never below MINIMUM_EASE.
 * - Hard, Good and Easy are successes: the first is due FIRST_INTERVAL day later, the second SECOND_INTERVAL days later,
 *   every later one after the previous interval times the new ease, rounded to whole days.
 * - Again starts the question over and keeps it due today, so it returns in the same session (SM-2 repeats what was
 *   not recalled before the day ends); forgetting a question already learnt counts as a lapse.
 * What is due on a day, and in which order a session shows it, is review-queue.ts.
 */
import { addDays } from './days';

export type Grade = 'again' | 'hard' | 'good' | 'easy';

/** The grades in the order of their buttons and keys 1–4. */
export const GRADES: readonly { grade: Grade; label: string }[] = [
  { grade: 'again', label: 'Again' },
  { grade: 'hard', label: 'Hard' },
  { grade: 'good', label: 'Good' },
  { grade: 'easy', label: 'Easy' },
];

const QUALITY: Record<Grade, number> = { again: 2, hard: 3, good: 4, easy: 5 };
export const INITIAL_EASE = 2.5;
export const MINIMUM_EASE = 1.3;
export const FIRST_INTERVAL = 1;
export const SECOND_INTERVAL = 6;

/** A question's place in the schedule, as stored. */
export interface Card {
  /** The local calendar day it is due, `2026-12-01`. */
  due: string;
  /** Days from the last review to `due`; 0 after Again. */
  interval: number;
  ease: number;
  /** Successful reviews since it was new or last forgotten. */
  reps: number;
  /** Times it was forgotten after at least one successful review. */
  lapses: number;
}

/** The card after answering with `grade` on `today`; `undefined` is a question never reviewed. */
export function review(card: Card | undefined, grade: Grade, today: string): Card {
  const { ease, reps, interval, lapses } = card ?? { ease: INITIAL_EASE, reps: 0, interval: 0, lapses: 0 };
  const miss = 5 - QUALITY[grade];
  const nextEase = Math.max(MINIMUM_EASE, Math.round((ease + 0.1 - miss * (0.08 + miss * 0.02)) * 100) / 100);
  if (grade === 'again') return { due: today, interval: 0, ease: nextEase, reps: 0, lapses: lapses + (reps > 0 ? 1 : 0) };
  const nextInterval = reps === 0 ? FIRST_INTERVAL : reps === 1 ? SECOND_INTERVAL : Math.round(interval * nextEase);
  return { due: addDays(today, nextInterval), interval: nextInterval, ease: nextEase, reps: reps + 1, lapses };
}
