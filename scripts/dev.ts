/** `npm run dev`: see src/cli/dev.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/dev';

await runCli('dev', main);
