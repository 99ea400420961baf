/** `npm run reading-time`: see src/cli/reading-time.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/reading-time';

await runCli('reading-time', main);
