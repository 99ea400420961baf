import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { astroEnv, stoppedAsAsked } from '../../../src/cli/astro';
import { DIAGRAMS_FROM_PARENT } from '../../../src/env';

test("Astro's process stopped by Ctrl-C or kill, or done, is no error; any other exit is", () => {
  for (const [code, signal] of [[0, null], [null, 'SIGINT'], [null, 'SIGTERM'], [130, null], [143, null]] as const) expect(stoppedAsAsked(code, signal)).toBe(true);
  for (const [code, signal] of [[1, null], [134, null], [null, 'SIGKILL']] as const) expect(stoppedAsAsked(code, signal)).toBe(false);
});

test("Astro's process has Astro's telemetry off, as Astro itself reads it, and draws diagrams only when told", async () => {
  // Astro's own telemetry package, as installed for the astro this project runs.
  const telemetry = createRequire(createRequire(import.meta.url).resolve('astro/package.json')).resolve('@astrojs/telemetry');
  const { AstroTelemetry } = (await import(pathToFileURL(telemetry).href)) as typeof import('@astrojs/telemetry');
  // `env` and `isDisabled` are private in its types: they are how it decides whether to send anything.
  const astro = new AstroTelemetry({ astroVersion: '0', viteVersion: '0' }) as unknown as { env: NodeJS.ProcessEnv; isDisabled: boolean };
  astro.env = astroEnv({ PATH: '/usr/bin' }, false);
  expect(astro.isDisabled).toBe(true);
  expect(astroEnv({}, false)[DIAGRAMS_FROM_PARENT]).toBeUndefined();
  expect(astroEnv({}, true)[DIAGRAMS_FROM_PARENT]).toBe('1');
});
