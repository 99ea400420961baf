import type { BuiltSite } from './built-site';

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

interface Page {
  source: string | undefined;
  ids: Set<string>;
  links: string[];
}

// Astro writes every attribute double-quoted, so plain scanning finds them without an HTML parser (1,000 pages in well under a second).
const LINK = /<(?:a|link|script|img|source)\b[^>]*?\s(?:href|src)="([^"]*)"/g;
// An anchor is an element's id, or the name of an <a>; a <meta name="description"> is not one.
const ID = /<[a-z][\w-]*\b[^>]*?\sid="([^"]*)"|<a\b[^>]*?\sname="([^"]*)"/g;
const SOURCE = /\sdata-source="([^"]*)"/;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (value: string) => value.replace(/&(?:amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e);

/** The links, anchors and source file of one built page. */
export function readPage(html: string): Page {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  return {
    source: SOURCE.exec(text)?.[1],
    ids: new Set([...text.matchAll(ID)].map((m) => decode((m[1] ?? m[2])!))),
    links: [...text.matchAll(LINK)].map((m) => decode(m[1]!)).filter((href) => href !== ''),
  };
}

/**
 * Checks every internal link and `#anchor` of a built site under its base path.
 * Pure over the site's files: no network, no server.
 */
export function checkLinks(built: BuiltSite, base = '/', site?: string): LinkReport {
  const assets = built.files;
  const pages = new Map(built.pages.map((p) => [p.path, readPage(p.html)]));
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
