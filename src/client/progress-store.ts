/** The learner's progress, kept in localStorage under a versioned key. Pure functions plus a thin storage wrapper. */

export interface Progress {
  version: 1;
  /** Lesson path (e.g. `core-data-structures/strings/`) → ISO date it was marked complete. */
  completed: Record<string, string>;
  /** Question id (`<lesson path>#q-3`) → ISO date it was marked practised. */
  practised: Record<string, string>;
  /** The lesson the learner last opened, for "continue where you left off". */
  last: string | undefined;
}

export const emptyProgress = (): Progress => ({ version: 1, completed: {}, practised: {}, last: undefined });

const isDateMap = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

/** Reads stored or imported JSON; anything corrupt, foreign or of another version yields undefined, never an exception. */
export function parseProgress(text: string | null | undefined): Progress | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { version, completed, practised, last } = data as Record<string, unknown>;
  if (version !== 1 || !isDateMap(completed) || !isDateMap(practised ?? {})) return undefined;
  return {
    version: 1,
    completed,
    practised: (practised ?? {}) as Record<string, string>,
    last: typeof last === 'string' ? last : undefined,
  };
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

/** Progress stored under `key`; anything unreadable is an empty progress, never an exception. */
export function loadProgress(storage: Pick<Storage, 'getItem'> | undefined, key: string): Progress {
  try {
    return parseProgress(storage?.getItem(key)) ?? emptyProgress();
  } catch {
    return emptyProgress();
  }
}

export function saveProgress(storage: Pick<Storage, 'setItem'> | undefined, key: string, progress: Progress): boolean {
  try {
    storage?.setItem(key, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}
