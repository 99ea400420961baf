/** The learner's progress, kept in localStorage under a versioned key. Pure functions plus a thin storage wrapper. */
import { addDays, isDay, localDay } from './days';
import type { Card } from './review-schedule';

export interface Progress {
  version: 2;
  /** Lesson path (e.g. `core-data-structures/strings/`) → ISO date it was marked complete. */
  completed: Record<string, string>;
  /** Question id (`<lesson path>#q-3`) → its place in the spaced review (review-schedule.ts). */
  review: Record<string, Card>;
  /** The lesson the learner last opened, for "continue where you left off". */
  last: string | undefined;
}

/** Where a course's progress is kept: the current key and the one version 1 used. */
export interface ProgressKeys {
  progress: string;
  progressV1: string;
}

/** The event progress.ts sends on `document` after it saved a change, for other features of the page to follow. */
export const PROGRESS_CHANGED = 'progress-changed';

export const emptyProgress = (): Progress => ({ version: 2, completed: {}, review: {}, last: undefined });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isDateMap = (value: unknown): value is Record<string, string> =>
  isRecord(value) && Object.values(value).every((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)));

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

const isCard = (value: unknown): value is Card =>
  isRecord(value) && typeof value.due === 'string' && isDay(value.due) && [value.interval, value.reps, value.lapses].every(isCount) && Number(value.ease) >= 1 && Number(value.ease) <= 10;

/** Version 1 kept a "practised" date per question; each becomes the card a first "Good" gives on that day (a test holds it to review-schedule.ts). */
const practisedCard = (date: string): Card => ({ due: addDays(localDay(new Date(date)), 1), interval: 1, ease: 2.5, reps: 1, lapses: 0 });

function fromVersion1(completed: Record<string, string>, practised: Record<string, string>, last: unknown): Progress {
  const cards = Object.entries(practised).map(([id, date]) => [id, practisedCard(date)] as const);
  return { version: 2, completed, review: Object.fromEntries(cards), last: typeof last === 'string' ? last : undefined };
}

/** Reads stored or imported JSON of version 2 or 1; anything corrupt, foreign or of another version yields undefined, never an exception. */
export function parseProgress(text: string | null | undefined): Progress | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || !isDateMap(data.completed)) return undefined;
  const { version, completed, last } = data;
  if (version === 1) return isDateMap(data.practised ?? {}) ? fromVersion1(completed, (data.practised ?? {}) as Record<string, string>, last) : undefined;
  if (version !== 2 || !isRecord(data.review) || !Object.values(data.review).every(isCard)) return undefined;
  return { version: 2, completed, review: data.review as Record<string, Card>, last: typeof last === 'string' ? last : undefined };
}

export function setFlag(map: Record<string, string>, key: string, on: boolean, now = new Date()): Record<string, string> {
  const next = { ...map };
  if (on) next[key] = now.toISOString();
  else delete next[key];
  return next;
}

/** Course-wide figures for the lessons that exist now (progress for removed lessons is ignored). */
export function summarizeProgress(progress: Progress, lessons: readonly { path: string; minutes: number }[]) {
  const done = lessons.filter((l) => progress.completed[l.path]);
  const minutesLeft = lessons.reduce((sum, l) => sum + (progress.completed[l.path] ? 0 : l.minutes), 0);
  const next = lessons.find((l) => !progress.completed[l.path]);
  return { done: done.length, total: lessons.length, minutesLeft, next: next?.path };
}

/** Progress stored under the current key, else under version 1's (migrated); anything unreadable is an empty progress, never an exception. */
export function loadProgress(storage: Pick<Storage, 'getItem'> | undefined, keys: ProgressKeys): Progress {
  try {
    return parseProgress(storage?.getItem(keys.progress)) ?? parseProgress(storage?.getItem(keys.progressV1)) ?? emptyProgress();
  } catch {
    return emptyProgress();
  }
}

/** Saves under the current key and drops version 1's copy, which the saved progress now holds. */
export function saveProgress(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, keys: ProgressKeys, progress: Progress): boolean {
  try {
    storage?.setItem(keys.progress, JSON.stringify(progress));
    storage?.removeItem(keys.progressV1);
    return true;
  } catch {
    return false;
  }
}
