/** Site-wide settings read at build time from the environment; every one has a working default. */

/** Astro's base with exactly one trailing slash: `/` or `/redis-mastery/`. */
export const BASE = `${import.meta.env.BASE_URL.replace(/\/+$/, '')}/`;

/** An internal URL under the base: `href('redis-fundamentals/')` → `/redis-mastery/redis-fundamentals/`. */
export function href(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

/** Where "Edit this lesson" points: the repository's edit URL for the default branch; EDIT_URL overrides it. */
export const EDIT_URL = (process.env.EDIT_URL ?? 'https://github.com/redis-mastery/redis-mastery/edit/main/').replace(/\/*$/, '/');

export const SITE_TITLE = 'Redis Mastery';
export const SITE_TAGLINE = 'A practical Redis course for backend engineers who run Redis in production.';
