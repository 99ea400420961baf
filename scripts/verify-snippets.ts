/** `npm run verify:snippets`: see src/cli/verify-snippets.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/verify-snippets';

await runCli('verify:snippets', main);
