/** Runs every ```redis-cli session against a throwaway redis-server and parses every ```java block: `npm run verify:snippets [files…]`. */
import { existsSync, globSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { problemLines, summaryLine, totalsLine, verifyFiles } from '../src/verify/run';
import { findRedisServer, missingServerHint } from '../src/verify/server';

const given = process.argv.slice(2).filter((arg) => arg !== '--');
const files = given.length > 0 ? given : globSync('lessons/**/*.mdx').sort();
const ci = process.env['CI'] === 'true';

// Paths under the working directory print relative, so `path:line` is short and clickable.
const shown = (path: string) => {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
};

const missing = files.filter((file) => !existsSync(file));
if (missing.length > 0) {
  for (const file of missing) console.error(`${file}: no such file; pass lesson paths such as lessons/<phase>/<lesson>.mdx`);
  process.exit(1);
}

const serverPath = findRedisServer();
if (serverPath === undefined) {
  const hint = missingServerHint();
  console.log(ci ? `error: ${hint} (CI=true, so redis-cli blocks must run)` : `${hint}; checking Java blocks only`);
}

const reports = await verifyFiles(
  files.map((path) => ({ path, shown: shown(path) })),
  { serverPath },
  (report) => console.log(summaryLine(report)),
);

const problems = reports.flatMap((report) => report.problems);
if (problems.length > 0) console.log('');
for (const problem of problems) console.log(problemLines(problem).join('\n'));
console.log(totalsLine(reports));
process.exit(problems.length > 0 || (serverPath === undefined && ci) ? 1 : 0);
