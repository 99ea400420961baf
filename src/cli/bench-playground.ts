/**
 * `npm run bench:playground [-- site-folder]`: figures for Redis in the browser on a built site (default OUT_DIR,
 * served under BASE_PATH): the engine's download against its budget, the JavaScript a lesson page loads before any
 * interaction, click to first reply with a cold and a warm HTTP cache, and the worker's memory. It asserts nothing.
 */
import { existsSync } from 'node:fs';
import { formatPlaygroundFigures, measurePlayground } from '../bench/playground';
import { findChromium, INSTALL_CHROMIUM_HINT } from '../chromium';
import { settings } from '../env';
import { UserError } from '../user-error';
import type { CliMain } from './run';

export const main: CliMain = async (args, io) => {
  const dir = args[0] ?? settings.outDir;
  if (!existsSync(dir)) throw new UserError(`${dir}: there is no built site here. Run \`npm run build\` first, or pass the folder of a built site.`);
  const chromiumPath = findChromium(settings);
  if (!chromiumPath) throw new UserError(`No Chromium to measure in: ${INSTALL_CHROMIUM_HINT}.`);
  const figures = await measurePlayground(dir, { base: settings.basePath.replace(/\/?$/, '/'), chromiumPath });
  for (const line of formatPlaygroundFigures(figures)) io.out(line);
  return 0;
};
