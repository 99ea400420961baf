/** `npm run lint:lessons`: see src/cli/lint-lessons.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/lint-lessons';

await runCli('lint:lessons', main);
