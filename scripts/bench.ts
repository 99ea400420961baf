/** `npm run bench`: see src/cli/bench.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/bench';

await runCli('bench', main);
