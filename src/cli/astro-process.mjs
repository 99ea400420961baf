/**
 * Runs Astro in a Node process of its own, started by src/cli/astro.ts: plain Node with no tsx loader, which would
 * otherwise see (and source-map) every module Astro loads, a quarter of a build's CPU. Astro is loaded at once, while
 * the parent checks the lessons; the command comes as a message. JavaScript, not TypeScript, so Node need not load
 * its type stripper (0.4 s) either; it imports only astro.
 */
import { enableCompileCache } from 'node:module';

// Node keeps the code it compiled for Astro and the config in a folder of Astro's cache (named by the parent, see
// COMPILE_CACHE in src/env.ts), so the next start skips compiling it: 0.9 s to load them becomes 0.7 s.
const compileCache = process.env.COURSE_SITE_COMPILE_CACHE;
if (compileCache) enableCompileCache(compileCache);
const { build, dev } = await import('astro');

/** What the parent needs of an error to describe it (src/course/build-errors.ts). */
const serialize = (/** @type {any} */ error) => ({ name: error?.name, message: error?.message ?? String(error), stack: error?.stack, loc: error?.loc, hint: error?.hint });

// The parent went away (it stopped, or was stopped): so does Astro.
process.on('disconnect', () => process.exit(1));

/** The dev server, once started: a restart stops it and starts another with the config bundled again. */
let devServer;
/** @type {{ port?: number, host?: string } | undefined} */
let devOptions;
/** Restarts run one after another: a save during a restart restarts again once it is done. */
let restarts = Promise.resolve();

process.on('message', async (/** @type {{ command: 'build' | 'dev' | 'restart', configFile?: string, server?: { port?: number, host?: string } }} */ message) => {
  try {
    if (message.command === 'build') {
      await build({ configFile: message.configFile });
      process.send?.({ done: true }, () => process.exit(0));
    } else if (message.command === 'dev') {
      // The server runs until this process is stopped.
      devOptions = message.server;
      devServer = await dev({ configFile: message.configFile, server: devOptions });
      // The parent readies what the first page will need once Astro no longer needs both cores to start.
      process.send?.({ ready: true });
    } else if (message.command === 'restart') {
      restarts = restarts.then(async () => {
        await devServer?.stop();
        devServer = undefined;
        try {
          devServer = await dev({ configFile: message.configFile, server: devOptions });
        } catch (error) {
          // A mistake in the config: said here, and the next save of it tries again.
          console.error(`${error instanceof Error ? error.message : String(error)}\nFix astro.config.mjs and save it: the dev server starts again then.`);
        }
      });
      await restarts;
    }
  } catch (error) {
    process.send?.({ error: serialize(error) }, () => process.exit(1));
  }
});
