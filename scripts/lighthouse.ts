/** `npm run lighthouse`: see src/cli/lighthouse.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/lighthouse';

await runCli('lighthouse', main);
