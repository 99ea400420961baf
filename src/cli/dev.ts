/**
 * `npm run dev`: the live preview. Lessons are checked first, so a mistake is reported as `file:line` with a fix
 * instead of a crash; while the server runs, each saved lesson is checked again (terminal and browser overlay).
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { describeBuildError } from '../course/build-errors';
import { formatProblem, sortProblems } from '../course/problems';
import { UserError } from '../user-error';
import { withCheckedAstro } from './astro';
import type { CliMain } from './run';
import { watchFiles } from './watch-files';

export const main: CliMain = async (args, io) => {
  let values: { port?: string; host?: string };
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } } }));
  } catch (error) {
    throw new UserError(`${(error as Error).message}. Usage: npm run dev [-- --port 4321] [--host 127.0.0.1]`, 2);
  }
  return withCheckedAstro('dev', async (astro, checked) => {
    const errors = sortProblems(checked.problems.filter((p) => p.severity === 'error'));
    if (errors.length > 0) {
      astro.cancel();
      for (const problem of errors) io.err(formatProblem(problem));
      io.err('\nFix the lines above, then run `npm run dev` again.');
      return 1;
    }
    // Astro is given the config bundled (astro-config.ts), so it would not see an edit to it: this process restarts it,
    // then watches what the new bundle is made of (an import added, or one removed).
    let stopWatching = () => {};
    const watchConfig = async () => {
      const inputs = await astro.configInputs();
      stopWatching();
      stopWatching = watchFiles(inputs, (changed) => {
        io.out(`${relative(process.cwd(), changed)} changed: restarting the dev server with the new configuration.`);
        // A save during a restart restarts it again (astro-process.mjs queues them). If Astro's process is gone,
        // astro.dev() below reports it.
        astro.restart().then(watchConfig, () => undefined);
      });
    };
    await watchConfig();
    const error = await astro.dev({ ...(values.port ? { port: Number(values.port) } : {}), ...(values.host ? { host: values.host } : {}) });
    stopWatching();
    if (!error) return 0;
    io.err(describeBuildError(error));
    return 1;
  });
};
