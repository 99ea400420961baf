/**
 * `npm run build`: checks the course the same way `npm run lint:lessons` does, then builds the site (pages,
 * diagrams, search index) and checks its links. An author's mistake ends with `file:line` and a fix.
 */
import { build } from 'astro';
import { describeBuildError } from '../course/build-errors';
import { formatProblem, sortProblems, summarize } from '../course/problems';
import { settings } from '../env';
import { checkCourseCached } from '../lint/cache';
import type { CliMain } from './run';

export const main: CliMain = async (_args, io) => {
  const { problems, lessons } = await checkCourseCached(settings.lessonsDir, settings.cacheDir);
  // An error stops the build; a warning is shown.
  for (const problem of sortProblems(problems)) io.err(formatProblem(problem));
  if (problems.some((p) => p.severity === 'error')) {
    io.err(`\nBuild stopped: ${summarize(problems, lessons)}. Fix the lines above and build again.`);
    return 1;
  }
  try {
    await build({});
  } catch (error) {
    io.err(`\n${describeBuildError(error)}`);
    if (settings.debug) io.err(String((error as Error).stack ?? error));
    return 1;
  }
  return 0;
};
