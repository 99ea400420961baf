import { THEME_INIT_HASH } from './theme';

/** Site-wide settings read at build time from the environment; every one has a working default. */

/** Astro's base with exactly one trailing slash: `/` or `/redis-mastery/`. */
export const BASE = `${import.meta.env.BASE_URL.replace(/\/+$/, '')}/`;

/** An internal URL under the base: `href('redis-fundamentals/')` → `/redis-mastery/redis-fundamentals/`. */
export function href(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

export { EDIT_URL } from './edit-url';

export const SITE_TITLE = 'Redis Mastery';
export const SITE_TAGLINE = 'A practical Redis course for backend engineers who run Redis in production.';

/**
 * Everything loads from this origin. Scripts are files, except the hashed one-line theme setter; Pagefind needs WebAssembly and a worker;
 * styles allow inline attributes because Shiki and Mermaid colour tokens and diagrams with them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${THEME_INIT_HASH}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
