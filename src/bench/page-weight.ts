import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../static-server';

/** Gzip bytes of what a page loads before the reader does anything. */
export interface PageWeight {
  html: number;
  js: number;
  css: number;
  requests: number;
}

const gz = (file: string) => gzipSync(readFileSync(file)).length;

/** Loads a page of a built site and sums, by type, every request until the network is idle. */
export async function pageWeight(browser: Browser, outDir: string, path: string): Promise<PageWeight> {
  const site = await serveStatic(outDir);
  const page = await browser.newPage();
  try {
    const loaded: { type: string; path: string }[] = [];
    page.on('requestfinished', (r) => loaded.push({ type: r.resourceType(), path: new URL(r.url()).pathname }));
    await page.goto(site.url + path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const sum = (type: string) => loaded.filter((r) => r.type === type).reduce((n, r) => n + gz(join(outDir, r.path.endsWith('/') ? `${r.path}index.html` : r.path)), 0);
    return { html: sum('document'), js: sum('script'), css: sum('stylesheet'), requests: loaded.length };
  } finally {
    await page.close();
    await site.close();
  }
}
