/**
 * `npm run build`: checks the course the same way `npm run lint:lessons` does, then builds the site (pages,
 * diagrams, search index) and checks its links. An author's mistake ends with `file:line` and a fix.
 */
import { describeBuildError } from '../course/build-errors';
import { formatProblem, sortProblems, summarize } from '../course/problems';
import { settings } from '../env';
import { withCheckedAstro } from './astro';
import type { CliMain } from './run';

export const main: CliMain = (_args, io) =>
  withCheckedAstro('build', async (astro, { problems, lessons }) => {
    // An error stops the build; a warning is shown.
    for (const problem of sortProblems(problems)) io.err(formatProblem(problem));
    if (problems.some((p) => p.severity === 'error')) {
      astro.cancel();
      io.err(`\nBuild stopped: ${summarize(problems, lessons)}. Fix the lines above and build again.`);
      return 1;
    }
    const error = await astro.build();
    if (!error) return 0;
    io.err(`\n${describeBuildError(error)}`);
    if (settings.debug) io.err(String(error.stack ?? error.message));
    return 1;
  });
