import { describe, expect, test } from 'vitest';
import { frontmatterText } from '../../../src/course/lesson-source';
import { LESSON_REFRESH_EVENT, LessonRefresh } from '../../../src/integrations/lesson-refresh';

const lesson = (title: string, body: string) => `---\ntitle: ${title}\nphase: 1\n---\n\n## Introduction\n\n${body}\n`;
const FILE = '/course/phase-1/strings.mdx';
const reload = { type: 'full-reload' } as const;
const storeReload = { type: 'full-reload', path: '*' } as const;

/** A LessonRefresh on a clock the test moves, numbering its updates from 1. */
function setup() {
  let now = 1_000;
  let generation = 0;
  const refresh = new LessonRefresh(() => now, () => ++generation);
  refresh.know(FILE, lesson('Strings', 'Redis keeps strings.'));
  return { refresh, later: (ms: number) => (now += ms) };
}

describe('LessonRefresh', () => {
  test('a save of only the words: pages that can are told to update in place, and the content store\'s reload is dropped for them', () => {
    const { refresh, later } = setup();
    expect(refresh.saved(FILE, lesson('Strings', 'Redis stores strings.'))).toBe(true);
    later(30);
    expect(refresh.route(reload)).toEqual({ refreshing: { type: 'custom', event: LESSON_REFRESH_EVENT, data: { file: FILE, generation: 1 } }, others: reload });
    later(550);
    expect(refresh.route(storeReload)).toEqual({ refreshing: undefined, others: storeReload });
  });

  test('a save that changed the frontmatter reloads every page; the content store\'s reload after it only checks, on the pages that can', () => {
    const { refresh, later } = setup();
    expect(refresh.saved(FILE, lesson('Strings and numbers', 'Redis keeps strings.'))).toBe(false);
    later(30);
    expect(refresh.route(reload)).toEqual({ refreshing: reload, others: reload });
    later(550);
    expect(refresh.route(storeReload)).toEqual({ refreshing: { type: 'custom', event: LESSON_REFRESH_EVENT, data: { check: true, generation: 1 } }, others: storeReload });
  });

  test('a reload of every page long after a frontmatter save (Astro recovering from an error, say) is passed on as it is', () => {
    const { refresh, later } = setup();
    refresh.saved(FILE, lesson('Strings and numbers', 'Redis keeps strings.'));
    refresh.route(reload);
    later(550);
    refresh.route(storeReload);
    expect(refresh.route(storeReload).refreshing).toBe(storeReload);
    later(10_000);
    refresh.structural();
    later(10_000);
    expect(refresh.route(storeReload).refreshing).toBe(storeReload);
  });

  test('a frontmatter save after a words-only save still gets its content store reload', () => {
    const { refresh, later } = setup();
    refresh.saved(FILE, lesson('Strings', 'Redis stores strings.'));
    refresh.route(reload);
    later(200);
    refresh.saved(FILE, lesson('Strings, renamed', 'Redis stores strings.'));
    expect(refresh.route(reload).refreshing).toBe(reload);
    later(400);
    expect(refresh.route(storeReload).refreshing).toMatchObject({ type: 'custom', data: { check: true } });
  });

  test('a words-only save right after a frontmatter save reloads too, until the content store has brought the frontmatter', () => {
    const { refresh, later } = setup();
    refresh.saved(FILE, lesson('Strings, renamed', 'Redis keeps strings.'));
    later(50);
    // The pages rendered now still show the old title: the store is written about half a second after the last save.
    expect(refresh.saved(FILE, lesson('Strings, renamed', 'Redis stores strings.'))).toBe(false);
    expect(refresh.route(reload).refreshing).toBe(reload);
    later(550);
    expect(refresh.route(storeReload).refreshing).toMatchObject({ type: 'custom', data: { check: true } });
    // Once it has, words-only saves update in place again.
    later(100);
    expect(refresh.saved(FILE, lesson('Strings, renamed', 'Redis keeps strings, again.'))).toBe(true);
    expect(refresh.route(reload).refreshing).toMatchObject({ type: 'custom' });
  });

  test('a lesson added or removed reloads every page', () => {
    const { refresh } = setup();
    refresh.saved(FILE, lesson('Strings', 'Redis stores strings.'));
    refresh.structural();
    expect(refresh.route(reload).refreshing).toBe(reload);
  });

  test('the first save of a lesson the server did not know reloads, as its frontmatter cannot be compared', () => {
    const { refresh } = setup();
    expect(refresh.saved('/course/phase-1/new.mdx', lesson('New', 'Words.'))).toBe(false);
    refresh.route(storeReload);
    expect(refresh.saved('/course/phase-1/new.mdx', lesson('New', 'More words.'))).toBe(true);
  });

  test('reloads long after a save, and every other message, pass unchanged', () => {
    const { refresh, later } = setup();
    refresh.saved(FILE, lesson('Strings', 'Redis stores strings.'));
    later(10_000);
    expect(refresh.route(reload).refreshing).toBe(reload);
    const update = { type: 'update' as const, updates: [] };
    expect(refresh.route(update)).toEqual({ refreshing: update, others: update });
  });

  test('each update in place gets the next number', () => {
    const { refresh, later } = setup();
    refresh.saved(FILE, lesson('Strings', 'One.'));
    expect(refresh.route(reload).refreshing).toMatchObject({ data: { generation: 1 } });
    later(100);
    refresh.saved(FILE, lesson('Strings', 'Two.'));
    expect(refresh.route(reload).refreshing).toMatchObject({ data: { generation: 2 } });
  });
});

describe('frontmatterText', () => {
  test('is the frontmatter block as written, the same whatever the line endings or a byte-order mark', () => {
    expect(frontmatterText('---\ntitle: A\n---\n\nBody')).toBe('title: A');
    expect(frontmatterText('\uFEFF---\r\ntitle: A\r\n---\r\n\r\nOther body')).toBe('title: A');
    expect(frontmatterText('No frontmatter')).toBeUndefined();
  });
});
