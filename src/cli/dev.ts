/**
 * `npm run dev`: the live preview. Lessons are checked first, so a mistake is reported as `file:line` with a fix
 * instead of a crash; while the server runs, each saved lesson is checked again (terminal and browser overlay).
 */
import { parseArgs } from 'node:util';
import { diagramBrowser } from '../chromium';
import { settings } from '../env';
import type { MermaidRenderer } from '../markdown/mermaid-renderer';
import { UserError } from '../user-error';
import { startAstro } from './astro';
import type { CliMain } from './run';

export const main: CliMain = async (args, io) => {
  let values: { port?: string; host?: string };
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } } }));
  } catch (error) {
    throw new UserError(`${(error as Error).message}. Usage: npm run dev [-- --port 4321] [--host 127.0.0.1]`, 2);
  }
  // Astro loads in its own process, started first, while the lessons are checked here; this process draws the diagrams a page needs.
  const astro = startAstro({ drawsDiagrams: diagramBrowser(settings) !== undefined });
  let diagrams: MermaidRenderer | undefined;
  try {
    // Loaded once Astro's process is started: the checks' and the renderer's modules take tsx a while.
    const [{ drawDiagramsFor }, { IDLE_MS }, { checkCourseCached }, { describeBuildError }, { formatProblem, sortProblems }] = await Promise.all([
      import('../markdown/diagram-service'),
      import('../markdown/mermaid-renderer'),
      import('../lint/cache'),
      import('../course/build-errors'),
      import('../course/problems'),
    ]);
    // No prefetch: measured on 42 lessons, drawing every diagram at start gained under a second on a first run and cost 1–3 s on the next when the first was stopped early.
    diagrams = drawDiagramsFor(astro.channel, settings.diagramCacheDir, { idleMs: IDLE_MS.dev });
    const checked = await checkCourseCached(settings.lessonsDir, settings.cacheDir);
    const errors = sortProblems(checked.problems.filter((p) => p.severity === 'error'));
    if (errors.length > 0) {
      astro.cancel();
      for (const problem of errors) io.err(formatProblem(problem));
      io.err('\nFix the lines above, then run `npm run dev` again.');
      return 1;
    }
    const error = await astro.dev({ ...(values.port ? { port: Number(values.port) } : {}), ...(values.host ? { host: values.host } : {}) });
    if (!error) return 0;
    io.err(describeBuildError(error));
    return 1;
  } catch (error) {
    // A mistake found before Astro was told what to do (no lessons folder, say): its process is not needed.
    astro.cancel();
    throw error;
  } finally {
    await diagrams?.close();
  }
};
