/** `npm run bench:playground`: see src/cli/bench-playground.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/bench-playground';

await runCli('bench:playground', main);
