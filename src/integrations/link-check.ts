import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** A link in a built page that leads nowhere. */
export interface BrokenLink {
  /** The page, as a path inside the site, e.g. `redis-fundamentals/redis-home/`. */
  page: string;
  /** The lesson file behind the page, when the page says (`data-source` on its article). */
  source: string | undefined;
  href: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  internalLinks: number;
  broken: BrokenLink[];
  /** Every distinct external URL; listed, never fetched (builds run offline). */
  external: string[];
}

const LINK_ATTRIBUTES: Record<string, string> = { a: 'href', link: 'href', script: 'src', img: 'src', source: 'src' };

interface Page {
  source: string | undefined;
  ids: Set<string>;
  links: string[];
}

function readPage(file: string): Page {
  const tree: Root = fromHtml(readFileSync(file, 'utf8'));
  const ids = new Set<string>();
  const links: string[] = [];
  let source: string | undefined;
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.dataSource === 'string') source = node.properties.dataSource;
    const id = node.properties.id ?? node.properties.name;
    if (typeof id === 'string') ids.add(id);
    const attribute = LINK_ATTRIBUTES[node.tagName];
    const value = attribute ? node.properties[attribute === 'href' ? 'href' : 'src'] : undefined;
    if (typeof value === 'string' && value !== '') links.push(value);
  });
  return { source, ids, links };
}

/** The site path of an HTML file: `a/b/index.html` → `a/b/`, `404.html` → `404.html`. */
function pathOf(distDir: string, file: string): string {
  return relative(distDir, file).split('\\').join('/').replace(/(^|\/)index\.html$/, '$1');
}

/**
 * Checks every internal link and `#anchor` of a built site under its base path.
 * Pure over the files in `distDir`: no network, no server.
 */
export function checkLinks(distDir: string, base = '/', site?: string): LinkReport {
  const files = readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  const assets = new Set(files.map((f) => relative(distDir, f).split('\\').join('/')));
  const pages = new Map(files.filter((f) => f.endsWith('.html')).map((f) => [pathOf(distDir, f), readPage(f)]));
  // Absolute links to the site itself (canonical, og:url) are checked like relative ones.
  const origin = site ? new URL(site).origin : 'http://site.invalid';
  const broken: BrokenLink[] = [];
  const external = new Set<string>();
  let internalLinks = 0;

  for (const [pagePath, page] of pages) {
    const pageUrl = new URL(base + pagePath, origin);
    for (const href of page.links) {
      if (/^(mailto|tel|data|javascript):/i.test(href)) continue;
      const url = new URL(href, pageUrl);
      if (url.origin !== origin) {
        external.add(url.href);
        continue;
      }
      internalLinks++;
      if (!url.pathname.startsWith(base)) {
        broken.push({ page: pagePath, source: page.source, href, reason: `is outside the base path ${base}` });
        continue;
      }
      const target = decodeURIComponent(url.pathname.slice(base.length));
      const targetPage = pages.get(target) ?? pages.get(target.replace(/\/?$/, '/'));
      if (!targetPage && !assets.has(target)) {
        broken.push({ page: pagePath, source: page.source, href, reason: 'leads to a page that does not exist' });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && targetPage && !targetPage.ids.has(anchor)) {
        broken.push({ page: pagePath, source: page.source, href, reason: `points to #${anchor}, which is not on that page` });
      }
    }
  }
  return { pages: pages.size, internalLinks, broken, external: [...external].sort() };
}

export function formatBrokenLink(link: BrokenLink): string {
  const where = link.source ? `${link.source} (page /${link.page})` : `/${link.page}`;
  return `${where}: link "${link.href}" ${link.reason}`;
}
