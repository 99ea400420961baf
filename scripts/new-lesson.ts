/** `npm run new:lesson`: see src/cli/new-lesson.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/new-lesson';

await runCli('new:lesson', main);
