import { storageKeys } from './course/conventions';
import { courseConfig } from './course/load';
import { settings } from './env';
import { scriptHash, themeInitScript } from './theme';

/** What every page of the built site shares, from course.yaml and the environment. */

/** Astro's base with exactly one trailing slash: `/` or `/redis-mastery/`. */
export const BASE = `${import.meta.env.BASE_URL.replace(/\/+$/, '')}/`;

/** An internal URL under the base: `href('redis-fundamentals/')` → `/redis-mastery/redis-fundamentals/`. */
export function href(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

export const COURSE = courseConfig;

/** Prefix of "Edit this lesson" links: EDIT_URL, else course.yaml's editUrl; undefined shows no link. */
export const EDIT_URL = (settings.editUrl ?? COURSE.editUrl)?.replace(/\/*$/, '/');

/** The pre-paint script that applies the reader's colour scheme, reading this course's key. */
export const THEME_INIT_SCRIPT = themeInitScript(storageKeys(COURSE.id).theme);

/**
 * Everything loads from this origin. Scripts are files, except the hashed one-line theme setter; Pagefind and the in-browser Redis need
 * WebAssembly (never 'unsafe-eval') and a worker, both from this origin;
 * styles allow inline attributes because Shiki and Mermaid colour tokens and diagrams with them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scriptHash(THEME_INIT_SCRIPT)}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
