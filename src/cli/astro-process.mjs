/**
 * Runs Astro in a Node process of its own, started by src/cli/astro.ts: plain Node with no tsx loader, which would
 * otherwise see (and source-map) every module Astro loads, a quarter of a build's CPU. Astro is loaded at once, while
 * the parent checks the lessons; the command comes as a message. Plain Node runs this file: erasable TypeScript only,
 * no local imports.
 */
import { build, dev } from 'astro';

type Command = { command: 'build' } | { command: 'dev'; server: { port?: number; host?: string } };

/** What the parent needs of an error to describe it (src/course/build-errors.ts). */
const serialize = (error: unknown) => {
  const e = error as { name?: string; message?: string; stack?: string; loc?: unknown; hint?: string };
  return { name: e.name, message: e.message ?? String(error), stack: e.stack, loc: e.loc, hint: e.hint };
};

// The parent went away (it stopped, or was stopped): so does Astro.
process.on('disconnect', () => process.exit(1));

process.once('message', async (message: Command) => {
  try {
    if (message.command === 'build') {
      await build({});
      process.send?.({ done: true }, () => process.exit(0));
    } else {
      // The server runs until this process is stopped.
      await dev({ server: message.server });
    }
  } catch (error) {
    process.send?.({ error: serialize(error) }, () => process.exit(1));
  }
});
