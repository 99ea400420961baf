/**
 * `npm run build`: lints every lesson, then builds the site with Astro (pages, diagrams, search index).
 * An author's mistake ends with `file:line` and a fix, never a stack trace; exit code 1.
 */
import { build } from 'astro';
import { describeBuildError } from '../src/course/build-errors';
import { formatProblem, sortProblems, summarize } from '../src/course/problems';
import { readSourceFiles } from '../src/course/sources';
import { lintWithCache } from '../src/lint/cache';

const files = readSourceFiles();
// The same rules as `npm run lint:lessons`: an error stops the build, a warning is shown.
const problems = await lintWithCache(files, `${process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro'}/redis-mastery-lint.json`, async (f) =>
  // Loaded only when something changed: the parser behind the rules is the slow part of starting up.
  (await import('../src/lint/lint')).lintSources(f),
);
for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
if (problems.some((p) => p.severity === 'error')) {
  console.error(`\nBuild stopped: ${summarize(problems, files.length)}. Fix the lines above and build again.`);
  process.exit(1);
}

try {
  await build({});
} catch (error) {
  console.error(`\n${describeBuildError(error)}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
}
