/**
 * `npm run lighthouse [-- --dir dist]`: Lighthouse (mobile) scores for the home page, a lesson and the interview page
 * of a built site, served on 127.0.0.1 with gzip. Prints figures; asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium, INSTALL_CHROMIUM_HINT } from '../chromium';
import { INTERVIEW_PATH } from '../course/conventions';
import { settings } from '../env';
import { serveStatic } from '../static-server';
import { UserError } from '../user-error';
import type { CliMain } from './run';

export const main: CliMain = async (args, io) => {
  const { values } = parseArgs({ args, options: { dir: { type: 'string', default: settings.outDir }, pages: { type: 'string' } } });
  const chromePath = findChromium(settings);
  if (!chromePath) throw new UserError(`Lighthouse needs Chromium: ${INSTALL_CHROMIUM_HINT}.`);
  const home = join(values.dir, 'index.html');
  if (!existsSync(home)) throw new UserError(`There is no built site in ${values.dir}: run \`npm run build\` first, or pass --dir.`);
  // The home page, the first lesson (its "Start with" button) and the interview page, unless --pages says otherwise.
  const first = /class="button" href="\/([^"]*)"/.exec(readFileSync(home, 'utf8'))?.[1] ?? '';
  const pages = values.pages?.split(',') ?? ['', first, INTERVIEW_PATH];
  const site = await serveStatic(values.dir);
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    io.out('page                                      performance  accessibility  best-practices  seo');
    for (const path of pages) {
      const result = await lighthouse(`${site.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
      const categories = result?.lhr.categories ?? {};
      const score = (id: string) => String(Math.round((categories[id]?.score ?? 0) * 100)).padStart(3);
      io.out(`${('/' + path).padEnd(42)}${score('performance').padStart(11)}${score('accessibility').padStart(15)}${score('best-practices').padStart(16)}${score('seo').padStart(5)}`);
      for (const audit of Object.values(result?.lhr.audits ?? {})) {
        if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual') {
          io.out(`    ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
    }
  } finally {
    chrome.kill();
    await site.close();
  }
  return 0;
};
