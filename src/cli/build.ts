/**
 * `npm run build`: checks the course the same way `npm run lint:lessons` does, then builds the site (pages,
 * diagrams, search index) and checks its links. An author's mistake ends with `file:line` and a fix.
 */
import { describeBuildError } from '../course/build-errors';
import { settings } from '../env';
import { courseDiagrams, createMermaidRenderer } from '../markdown/mermaid-renderer';
import { startAstro } from './astro';
import type { CliMain } from './run';

export const main: CliMain = async (_args, io) => {
  // Astro loads in its own process while this one draws the course's diagrams and checks the lessons.
  const diagrams = createMermaidRenderer(settings.diagramCacheDir);
  const astro = startAstro(diagrams);
  try {
    diagrams?.prefetch(courseDiagrams(settings.lessonsDir));
    // Loaded after Astro's process is started: the checks' modules take tsx a while.
    const [{ checkCourseCached }, { formatProblem, sortProblems, summarize }] = await Promise.all([import('../lint/cache'), import('../course/problems')]);
    const { problems, lessons } = await checkCourseCached(settings.lessonsDir, settings.cacheDir);
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
  } catch (error) {
    // A mistake found before Astro was told what to do (no lessons folder, say): its process is not needed.
    astro.cancel();
    throw error;
  } finally {
    await diagrams?.close();
  }
};
