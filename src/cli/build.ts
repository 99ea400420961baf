/**
 * `npm run build`: checks the course the same way `npm run lint:lessons` does, then builds the site (pages,
 * diagrams, search index) and checks its links. An author's mistake ends with `file:line` and a fix.
 */
import { diagramBrowser } from '../chromium';
import { settings } from '../env';
import type { MermaidRenderer } from '../markdown/mermaid-renderer';
import { startAstro } from './astro';
import type { CliMain } from './run';

export const main: CliMain = async (_args, io) => {
  // Astro loads in its own process, started first; this one draws the course's diagrams and checks the lessons meanwhile.
  const astro = startAstro({ drawsDiagrams: diagramBrowser(settings) !== undefined });
  let diagrams: MermaidRenderer | undefined;
  try {
    // Loaded once Astro's process is started: the checks' and the renderer's modules take tsx a while.
    const [{ drawDiagramsFor }, { checkCourseCached }, { describeBuildError }, { formatProblem, sortProblems, summarize }] = await Promise.all([
      import('../markdown/diagram-service'),
      import('../lint/cache'),
      import('../course/build-errors'),
      import('../course/problems'),
    ]);
    diagrams = drawDiagramsFor(astro.channel, settings.diagramCacheDir, { prefetchFrom: settings.lessonsDir });
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
