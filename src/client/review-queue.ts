/**
 * What is due for review, from the learner's progress: cards of review-schedule.ts, and the questions of completed
 * lessons never reviewed, which are due from the day the lesson was completed.
 */
import { plural } from '../course/conventions';
import { localDay } from './days';
import type { Card } from './review-schedule';

/** What the schedule reads of the learner's progress. */
export interface ReviewState {
  /** Lesson path → when it was completed (ISO date). */
  completed: Record<string, string>;
  /** Question id → its card. */
  review: Record<string, Card>;
}

/** `core-data-structures/strings/` for the question `core-data-structures/strings/#q-3`. */
const lessonOf = (questionId: string): string => questionId.slice(0, questionId.indexOf('#'));

/** The day a question is due: its card's, or the day its lesson was completed; undefined while it is in no review. */
export function dueDay(state: ReviewState, questionId: string): string | undefined {
  const card = state.review[questionId];
  if (card) return card.due;
  const completed = state.completed[lessonOf(questionId)];
  return completed === undefined ? undefined : localDay(new Date(completed));
}

export function isDue(state: ReviewState, questionId: string, today: string): boolean {
  const day = dueDay(state, questionId);
  return day !== undefined && day <= today;
}

/** The questions due on `today`, longest overdue first, the given (course) order among those due the same day. */
export function dueQuestions(state: ReviewState, questionIds: readonly string[], today: string): string[] {
  return questionIds
    .filter((id) => isDue(state, id, today))
    .map((id, order) => ({ id, order, day: dueDay(state, id)! }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.order - b.order))
    .map(({ id }) => id);
}

/** The next day after `today` on which some of the questions fall due, and how many; undefined when none is scheduled. */
export function nextDue(state: ReviewState, questionIds: readonly string[], today: string): { day: string; count: number } | undefined {
  const days = questionIds.map((id) => dueDay(state, id)).filter((day): day is string => day !== undefined && day > today);
  if (days.length === 0) return undefined;
  const day = days.reduce((a, b) => (b < a ? b : a));
  return { day, count: days.filter((d) => d === day).length };
}

/**
 * The question a session shows next: of those due, the one shown least often in this session, in due order, so a
 * question answered "Again" comes back after the others and straight away when it is the last one left.
 */
export function nextInSession(due: readonly string[], shown: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  for (const id of due) if (best === undefined || (shown.get(id) ?? 0) < (shown.get(best) ?? 0)) best = id;
  return best;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "today", "tomorrow", "in 6 days" or "on 7 Dec 2026" (a week or more ahead): when a day is, seen from `today`. */
export function whenDay(day: string, today: string): string {
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 7) return `in ${days} days`;
  const [year, month, date] = day.split('-');
  return `on ${Number(date)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** "3 questions due for review", or when none is due, when the next come back or how questions get into the review. */
export function dueSummary(state: ReviewState, questionIds: readonly string[], today: string): { due: number; text: string } {
  const due = dueQuestions(state, questionIds, today).length;
  if (due > 0) return { due, text: `${plural(due, 'question')} due for review` };
  const next = nextDue(state, questionIds, today);
  if (!next) return { due, text: 'No questions due. Completing a lesson adds its interview questions to your review.' };
  return { due, text: `No questions due; ${plural(next.count, 'question')} ${next.count === 1 ? 'comes' : 'come'} back ${whenDay(next.day, today)}.` };
}
