import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A page of the built site: its HTML, read once for the question records, the link check, the diagrams and the offline copy. */
export interface BuiltPage {
  /** The HTML file inside the site, e.g. `redis-fundamentals/redis-home/index.html`. */
  file: string;
  /** The page as a path inside the site, as links reach it: `redis-fundamentals/redis-home/`, `404.html`. */
  path: string;
  html: string;
}

/** A built site as the checks after the build see it. */
export interface BuiltSite {
  dir: string;
  pages: BuiltPage[];
  /** Every file, as a path inside the site, e.g. `_astro/Base.css`. */
  files: Set<string>;
}

/** The site path of an HTML file: `a/b/index.html` → `a/b/`, `404.html` → `404.html`. */
const pathOf = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

/** Every file of a built site as a path inside it, with `/` separators, sorted. */
export function listBuiltFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** Lists a built site and reads each of its HTML pages, once; pages in path order, so reports read the same every time. */
export function readBuiltSite(dir: string): BuiltSite {
  const files = listBuiltFiles(dir);
  const pages = files
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, path: pathOf(file), html: readFileSync(join(dir, file), 'utf8') }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return { dir, pages, files: new Set(files) };
}
