import { expect, test } from 'vitest';
import { stoppedAsAsked } from '../../../src/cli/astro';

test("Astro's process stopped by Ctrl-C or kill, or done, is no error; any other exit is", () => {
  for (const [code, signal] of [[0, null], [null, 'SIGINT'], [null, 'SIGTERM'], [130, null], [143, null]] as const) expect(stoppedAsAsked(code, signal)).toBe(true);
  for (const [code, signal] of [[1, null], [134, null], [null, 'SIGKILL']] as const) expect(stoppedAsAsked(code, signal)).toBe(false);
});
