/**
 * `npm run lint:lessons [-- --fix] [--format=github] [files…]`: checks lessons against the course's rules
 * (docs/lint-rules.md). One line per problem, a summary, exit code 1 on errors; never a stack trace.
 */
import { runLintCli } from '../src/lint/cli';

try {
  process.exitCode = runLintCli(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) });
} catch (error) {
  console.error(`lint:lessons stopped: ${error instanceof Error ? error.message : String(error)}. Run with DEBUG=1 for details.`);
  if (process.env['DEBUG']) console.error(error);
  process.exitCode = 2;
}
