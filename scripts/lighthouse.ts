/**
 * `npm run lighthouse [-- --dir dist]`: Lighthouse (mobile) scores for the home page, a lesson and the interview page
 * of a built site, served on 127.0.0.1 with gzip. Prints figures; asserts nothing.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, findChromium } from '../src/markdown/chromium';
import { serveStatic } from '../tests/support/static-server';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, pages: { type: 'string', default: ',redis-fundamentals/redis-home/,interview/' } } });
const chromePath = findChromium();
if (!chromePath) {
  console.error('Lighthouse needs Chromium: install it with `sudo apt-get install chromium` or set CHROME_PATH.');
  process.exit(1);
}
const site = await serveStatic(values.dir);
const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
try {
  console.log('page                                      performance  accessibility  best-practices  seo');
  for (const path of values.pages.split(',')) {
    const result = await lighthouse(`${site.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
    const categories = result?.lhr.categories ?? {};
    const score = (id: string) => String(Math.round((categories[id]?.score ?? 0) * 100)).padStart(3);
    console.log(`${('/' + path).padEnd(42)}${score('performance').padStart(11)}${score('accessibility').padStart(15)}${score('best-practices').padStart(16)}${score('seo').padStart(5)}`);
    for (const audit of Object.values(result?.lhr.audits ?? {})) {
      if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual') {
        console.log(`    ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
    }
  }
} finally {
  chrome.kill();
  await site.close();
}
