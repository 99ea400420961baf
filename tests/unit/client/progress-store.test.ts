import { describe, expect, test } from 'vitest';
import { storageKeys } from '../../../src/course/conventions';
import { emptyProgress, loadProgress, parseProgress, saveProgress, setFlag, summarizeProgress } from '../../../src/client/progress-store';
import { localDay } from '../../../src/client/days';
import { review } from '../../../src/client/review-schedule';

const KEYS = storageKeys('redis-mastery');

const memoryStorage = (entries: Record<string, string> = {}) => {
  const store = new Map(Object.entries(entries));
  return {
    store,
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
};

const card = { due: '2026-12-02', interval: 1, ease: 2.5, reps: 1, lapses: 0 };

describe('progress kept in the browser', () => {
  test('is kept under a key of version 2, next to the one version 1 used', () => {
    expect(KEYS).toMatchObject({ progress: 'redis-mastery:progress:v2', progressV1: 'redis-mastery:progress:v1' });
  });

  test.each([
    ['nothing stored', null],
    ['invalid JSON', '{not json'],
    ['another app’s data', '{"theme":"dark"}'],
    ['another version', '{"version":3,"completed":{},"review":{}}'],
    ['a corrupt map', '{"version":2,"completed":{"a/":42},"review":{}}'],
    ['a completion date that is no date', '{"version":2,"completed":{"a/":"soon"},"review":{}}'],
    ['a card with a day that does not exist', `{"version":2,"completed":{},"review":{"a/#q-1":${JSON.stringify({ ...card, due: '2026-02-30' })}}}`],
    ['a card with a negative interval', `{"version":2,"completed":{},"review":{"a/#q-1":${JSON.stringify({ ...card, interval: -3 })}}}`],
    ['a card without an ease', `{"version":2,"completed":{},"review":{"a/#q-1":${JSON.stringify({ ...card, ease: undefined })}}}`],
    ['version 2 without its review', '{"version":2,"completed":{}}'],
    ['version 1 with a corrupt practised map', '{"version":1,"completed":{},"practised":{"a/#q-1":true}}'],
    ['an array', '[1,2]'],
  ])('ignores %s', (_name, text) => {
    expect(parseProgress(text)).toBeUndefined();
  });

  test('reads what it saved', () => {
    const storage = memoryStorage();
    const progress = { ...emptyProgress(), completed: { 'p/a/': '2026-11-26T00:00:00.000Z' }, review: { 'p/a/#q-1': card }, last: 'p/b/' };
    expect(saveProgress(storage, KEYS, progress)).toBe(true);
    expect([...storage.store.keys()]).toEqual([KEYS.progress]);
    expect(loadProgress(storage, KEYS)).toEqual(progress);
  });

  test('migrates version 1: completed lessons are kept and a practised question is scheduled as a first "Good" on the day it was practised', () => {
    const v1 = { version: 1, completed: { 'p/a/': '2026-11-20T09:00:00.000Z' }, practised: { 'p/a/#q-2': '2026-11-25T12:00:00.000Z' }, last: 'p/a/' };
    const storage = memoryStorage({ [KEYS.progressV1]: JSON.stringify(v1) });
    const migrated = loadProgress(storage, KEYS);
    expect(migrated).toEqual({
      version: 2,
      completed: v1.completed,
      // On the learner's own calendar day, wherever the test runs.
      review: { 'p/a/#q-2': review(undefined, 'good', localDay(new Date(v1.practised['p/a/#q-2']))) },
      last: 'p/a/',
    });
    saveProgress(storage, KEYS, migrated);
    expect([...storage.store.keys()]).toEqual([KEYS.progress]);
  });

  test('imports an export of either version', () => {
    expect(parseProgress('{"version":1,"completed":{"p/a/":"2026-11-20T09:00:00.000Z"}}')).toEqual({ ...emptyProgress(), completed: { 'p/a/': '2026-11-20T09:00:00.000Z' } });
    expect(parseProgress(JSON.stringify({ version: 2, completed: {}, review: { 'p/a/#q-1': card } }))?.review).toEqual({ 'p/a/#q-1': card });
  });

  test('prefers version 2 when both are stored', () => {
    const storage = memoryStorage({
      [KEYS.progress]: JSON.stringify(emptyProgress()),
      [KEYS.progressV1]: '{"version":1,"completed":{"p/a/":"2026-11-20T09:00:00.000Z"},"practised":{}}',
    });
    expect(loadProgress(storage, KEYS)).toEqual(emptyProgress());
  });

  test('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(loadProgress(broken, KEYS)).toEqual(emptyProgress());
    expect(saveProgress(broken, KEYS, emptyProgress())).toBe(false);
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
