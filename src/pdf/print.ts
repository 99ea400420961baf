/**
 * Prints the book with Chromium: the built site is served as a host would serve it, the book document is answered
 * at an address inside it (so the site's stylesheets, images and diagrams load as they do for readers), and it is
 * printed until the contents' page numbers are the pages Chromium put each chapter and lesson on.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../chromium';
import { serveStatic } from '../static-server';
import type { Book, PageNumbers } from './book';
import { readPrintedBook } from './destinations';

export interface PrintedCourse {
  pdf: Buffer;
  pages: number;
  /** The page of each chapter and lesson, as the contents show it. */
  numbers: PageNumbers;
  /** How many times the book was printed before its numbers held. */
  printings: number;
}

/** Printings before giving up: the numbers settle on the second unless filling them in moved a page break. */
const MAX_PRINTINGS = 4;

const same = (a: PageNumbers, b: PageNumbers) => a.size === b.size && [...a].every(([anchor, page]) => b.get(anchor) === page);

export async function printBook(book: Book, options: { chromePath: string; siteDir: string; base: string }): Promise<PrintedCourse> {
  const site = await serveStatic(options.siteDir, options.base);
  const browser = await chromium.launch({ executablePath: options.chromePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const address = `${site.url}__course-book__/`;
    let html = book.html();
    await page.route(address, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    let numbers: PageNumbers = new Map();
    for (let printing = 1; printing <= MAX_PRINTINGS; printing++) {
      await page.goto(address, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // Only the last printing is kept: the first, read for its page numbers alone, skips the outline and tags (same layout, less work).
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: printing > 1, tagged: printing > 1 });
      const printed = readPrintedBook(pdf);
      const missing = book.anchors.filter((anchor) => !printed.destinations.has(anchor));
      if (missing.length > 0) throw new Error(`the printed book has no page for ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ' …' : ''}`);
      const found = new Map(book.anchors.map((anchor) => [anchor, printed.destinations.get(anchor)!]));
      if (same(found, numbers)) return { pdf, pages: printed.pages, numbers, printings: printing };
      numbers = found;
      html = book.html(numbers);
    }
    throw new Error(`the contents' page numbers still moved after ${MAX_PRINTINGS} printings`);
  } finally {
    await browser.close();
    await site.close();
  }
}
