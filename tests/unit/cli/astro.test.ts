import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { astroEnv, stoppedAsAsked } from '../../../src/cli/astro';
import { COMPILE_CACHE, DIAGRAMS_FROM_PARENT } from '../../../src/env';

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
  astro.env = astroEnv({ PATH: '/usr/bin' }, false, 'node_modules/.astro');
  expect(astro.isDisabled).toBe(true);
  expect(astroEnv({}, false, 'node_modules/.astro')[DIAGRAMS_FROM_PARENT]).toBeUndefined();
  expect(astroEnv({}, true, 'node_modules/.astro')[DIAGRAMS_FROM_PARENT]).toBe('1');
});

test("Astro's process keeps the code Node compiled for it inside Astro's cache folder, for the next start", async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'astro-cache-'));
  try {
    const env = astroEnv(process.env, false, cacheDir);
    expect(env[COMPILE_CACHE]).toBe(join(cacheDir, 'node-compile-cache'));
    // Astro loads, is asked to build from a config that does not exist, reports that and exits.
    const child = fork(fileURLToPath(new URL('../../../src/cli/astro-process.mjs', import.meta.url)), [], { execArgv: [], env, stdio: 'ignore' });
    const reply = new Promise<unknown>((resolve) => child.on('message', resolve));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.send({ command: 'build', configFile: join(cacheDir, 'no-such-astro.config.mjs') });
    expect(await reply).toMatchObject({ error: { message: expect.any(String) } });
    expect(await exited).toBe(1);
    // Node writes the cache as the process exits, in a folder per Node version.
    const [version] = readdirSync(join(cacheDir, 'node-compile-cache'));
    expect(readdirSync(join(cacheDir, 'node-compile-cache', version!)).length).toBeGreaterThan(100);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}, 30_000);
