/**
 * `npm run build [-- --force]`: checks the course the same way `npm run lint:lessons` does, then builds the site (pages,
 * diagrams, search index) and checks its links. An author's mistake ends with `file:line` and a fix. When nothing the
 * site is built from has changed since the last build into the same folder, that site is written back from the cache
 * instead (src/site-cache.ts); `--force` builds it anyway.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { diagramBrowser } from '../chromium';
import { GENERATOR_ROOT } from '../code-digest';
import { describeBuildError } from '../course/build-errors';
import { formatProblem, sortProblems, summarize, type Problem } from '../course/problems';
import { settings } from '../env';
import { SiteCache, siteFingerprint } from '../site-cache';
import { UserError } from '../user-error';
import { withCheckedAstro } from './astro';
import type { CliMain, CliOutput } from './run';

/** Prints the checks' problems; returns whether one is an error, which stops the build. */
function reportProblems(problems: readonly Problem[], lessons: number, io: CliOutput): boolean {
  for (const problem of sortProblems(problems)) io.err(formatProblem(problem));
  if (!problems.some((p) => p.severity === 'error')) return false;
  io.err(`\nBuild stopped: ${summarize(problems, lessons)}. Fix the lines above and build again.`);
  return true;
}

export const main: CliMain = async (args, io) => {
  let force: boolean;
  try {
    force = parseArgs({ args, options: { force: { type: 'boolean', default: false } } }).values.force;
  } catch (error) {
    throw new UserError(`${(error as Error).message}. Usage: npm run build [-- --force]`, 2);
  }
  const sitesDir = join(settings.cacheDir, 'sites');
  const kept = new SiteCache(sitesDir, settings.outDir);
  const fingerprint = () => siteFingerprint({ root: GENERATOR_ROOT, lessonsDir: settings.lessonsDir, env: process.env, diagramsAtBuild: diagramBrowser(settings) !== undefined });
  const before = fingerprint();

  if (!force && kept.has(before)) {
    // The same lessons get the same verdicts (cached): their warnings are shown again, as a build would.
    const { checkCourseCached } = await import('../lint/cache');
    const { problems, lessons } = await checkCourseCached(settings.lessonsDir, settings.cacheDir);
    if (reportProblems(problems, lessons, io)) return 1;
    const started = performance.now();
    const files = kept.restore(before);
    if (files !== undefined) {
      io.out(`Nothing the site is built from has changed since its last build: ${settings.outDir} written back from the cache (${files} files in ${((performance.now() - started) / 1000).toFixed(1)} s). \`npm run build -- --force\` builds it again.`);
      return 0;
    }
  }

  return withCheckedAstro('build', async (astro, { problems, lessons }) => {
    if (reportProblems(problems, lessons, io)) {
      astro.cancel();
      return 1;
    }
    const error = await astro.build();
    if (!error) {
      // A lesson saved while the site was built may or may not be in it: such a site is not kept.
      if (fingerprint() === before) kept.store(before);
      return 0;
    }
    io.err(`\n${describeBuildError(error)}`);
    if (settings.debug) io.err(String(error.stack ?? error.message));
    return 1;
  });
};
