/**
 * `npm run dev` only: how many in-place updates the server has announced. Pages carry the number they were rendered
 * at (`data-dev-generation` on <html>), so a page can tell whether it shows the latest save. Kept on globalThis: the
 * integration that counts and the page modules that read it are loaded apart, in one process.
 */
const KEY = Symbol.for('course-site.dev-generation');
const store = globalThis as { [KEY]?: number };

/** The number of the latest update announced, 0 before the first. */
export const devGeneration = (): number => store[KEY] ?? 0;

/** Counts one more update and returns its number. */
export const nextDevGeneration = (): number => (store[KEY] = devGeneration() + 1);

/** The attribute of <html> that carries the number. */
export const DEV_GENERATION_ATTRIBUTE = 'data-dev-generation';
