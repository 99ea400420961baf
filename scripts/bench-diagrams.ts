/** `npm run bench:diagrams`: see src/cli/bench-diagrams.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/bench-diagrams';

await runCli('bench:diagrams', main);
