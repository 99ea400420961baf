/**
 * `npm run dev`: the live preview. Lessons are checked first, so a mistake is reported as `file:line` with a fix
 * instead of a crash; while the server runs, each saved lesson is checked again (terminal and browser overlay).
 */
import { parseArgs } from 'node:util';
import { dev } from 'astro';
import { formatProblem, sortProblems } from '../src/course/problems';
import { readSourceFiles } from '../src/course/sources';
import { lintSources } from '../src/lint/lint';

const errors = sortProblems(lintSources(readSourceFiles()).filter((p) => p.severity === 'error'));
if (errors.length > 0) {
  for (const problem of errors) console.error(formatProblem(problem));
  console.error('\nFix the lines above, then run `npm run dev` again.');
  process.exit(1);
}
const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } } });
await dev({ server: { ...(values.port ? { port: Number(values.port) } : {}), ...(values.host ? { host: values.host } : {}) } });
