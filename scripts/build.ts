/** `npm run build`: see src/cli/build.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/build';

await runCli('build', main);
