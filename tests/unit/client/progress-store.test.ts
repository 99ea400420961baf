import { describe, expect, test } from 'vitest';
import { storageKeys } from '../../../src/course/conventions';
import { emptyProgress, loadProgress, parseProgress, saveProgress, setFlag, summarizeProgress } from '../../../src/client/progress-store';

const STORAGE_KEY = storageKeys('redis-mastery').progress;

describe('progress kept in the browser', () => {
  test.each([
    ['nothing stored', null],
    ['invalid JSON', '{not json'],
    ['another app’s data', '{"theme":"dark"}'],
    ['another version', '{"version":2,"completed":{},"practised":{}}'],
    ['a corrupt map', '{"version":1,"completed":{"a/":42},"practised":{}}'],
    ['an array', '[1,2]'],
  ])('ignores %s', (_name, text) => {
    expect(parseProgress(text)).toBeUndefined();
  });

  test('reads what it saved', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const progress = { ...emptyProgress(), completed: { 'p/a/': '2026-11-26T00:00:00.000Z' }, last: 'p/b/' };
    expect(saveProgress(storage, STORAGE_KEY, progress)).toBe(true);
    expect(store.has(STORAGE_KEY)).toBe(true);
    expect(loadProgress(storage, STORAGE_KEY)).toEqual(progress);
  });

  test('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadProgress(broken, STORAGE_KEY)).toEqual(emptyProgress());
    expect(saveProgress(broken, STORAGE_KEY, emptyProgress())).toBe(false);
  });

  test('sets and clears a flag with the time it was set', () => {
    const on = setFlag({}, 'p/a/', true, new Date('2026-11-26T10:00:00Z'));
    expect(on).toEqual({ 'p/a/': '2026-11-26T10:00:00.000Z' });
    expect(setFlag(on, 'p/a/', false)).toEqual({});
  });

  test('summarises done lessons, minutes left and the next lesson, ignoring lessons that no longer exist', () => {
    const progress = { ...emptyProgress(), completed: { 'p/a/': 'x', 'p/gone/': 'x' } };
    const lessons = [
      { path: 'p/a/', minutes: 10 },
      { path: 'p/b/', minutes: 12 },
      { path: 'q/c/', minutes: 9 },
    ];
    expect(summarizeProgress(progress, lessons)).toEqual({ done: 1, total: 3, minutesLeft: 21, next: 'p/b/' });
  });
});
