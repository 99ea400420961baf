/** `npm run build:pdf`: see src/cli/build-pdf.ts. */
import { runCli } from '../src/cli/run';
import { main } from '../src/cli/build-pdf';

await runCli('build:pdf', main);
