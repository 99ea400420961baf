/**
 * Every redis-cli block of the real lessons that the browser can run (runnable.ts), run the way the Run button runs
 * it, on the in-browser engine and on a native redis-server 7.2.6, with the replies printed as redis-cli prints them.
 * A reply may differ only where the lesson says it varies (both servers then match the lesson), or in the documented
 * way of platform.ts, which is listed; anything else fails with the lesson, the line and both replies.
 *
 * The native server is REDIS_SERVERS' 7.2 entry, else REDIS_SERVER; without a 7.2.6 the suite is skipped with a
 * notice, and fails under CI=true.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonFiles } from '../../../../src/course/folder';
import { parseLessonSource } from '../../../../src/course/lesson-source';
import { settings } from '../../../../src/env';
import type { RedisEngine } from '../../../../src/packs/redis/engine/engine';
import { createNodeRedisEngine } from '../../../../src/packs/redis/engine/node';
import { platformDifference } from '../../../../src/packs/redis/platform';
import { browserRuns, chainOf, ENGINE_REDIS_VERSION } from '../../../../src/packs/redis/runnable';
import { bytesClient, planBlocks, runBlocks, type SessionTarget, type StepRun } from '../../../../src/packs/redis/session-run';
import { RedisServer } from '../../../../src/packs/redis/verify/server';
import { splitArgsText } from '../../../../src/packs/redis/args';
import { engineVersionServer } from '../../../support/redis';

const ok = (run: StepRun | undefined) => run?.outcome.kind === 'same' || run?.outcome.kind === 'varies';
const shown = (lines: readonly string[]) => (lines.length === 0 ? '(nothing)' : lines.map((line) => `\n      ${line}`).join(''));

/** How the engine's reply stands next to the native one; undefined when they agree. */
function difference(native: StepRun, engine: StepRun | undefined): 'platform' | 'difference' | undefined {
  if (engine && engine.actual.join('\n') === native.actual.join('\n') && engine.outcome.kind === native.outcome.kind) return undefined;
  // Both match the lesson, through the variations it declares (a TTL counting down, a generated ID, vary="…", ...).
  if (ok(native) && ok(engine)) return undefined;
  if (ok(native) && engine?.outcome.kind === 'platform') return 'platform';
  if (engine && platformDifference(splitArgsText(native.step.command), native.actual, engine.actual)) return 'platform';
  return 'difference';
}

const native = engineVersionServer();
const serverPath = native.path;
const problem = native.path === undefined ? native.problem : '';

if (serverPath === undefined) {
  if (settings.ci) {
    describe('the lessons in the browser vs native redis-server', () => {
      it(`needs redis-server ${ENGINE_REDIS_VERSION}`, () => {
        throw new Error(`${problem} (CI=true, so the differential run may not be skipped)`);
      });
    });
  } else {
    console.warn(`Skipping the lessons' browser-vs-native differential run: ${problem}.`);
    describe.skip('the lessons in the browser vs native redis-server', () => {
      it('runs every browser-runnable block on both', () => {});
    });
  }
} else {
  describe('the lessons in the browser vs native redis-server', () => {
    let engine: RedisEngine;
    beforeAll(async () => {
      engine = await createNodeRedisEngine();
    });
    afterAll(() => engine?.close());

    it('answers every command of every block the browser can run as native Redis does', { timeout: 600_000 }, async () => {
      const differences: string[] = [];
      const labelled: string[] = [];
      let steps = 0;
      /** Commands of sessions typed by several clients (# client A, or client="1" then client="2" continue). */
      let shared = 0;
      for (const lesson of lessonFiles([], settings.lessonsDir).map((file) => parseLessonSource(file.file, file.raw))) {
        const fences = lesson.fences.filter((fence) => fence.lang === 'redis-cli');
        const runs = browserRuns(fences, lesson.values);
        // Only the last block of each chain: running it runs the blocks it continues first, as the Run button does.
        const ends = runs.flatMap((run, k) => (run.runnable && !runs.some((later) => later.runnable && later.after === k) ? [k] : []));
        if (ends.length === 0) continue;
        const server = await RedisServer.start(serverPath);
        try {
          for (const end of ends) {
            const chain = planBlocks(chainOf(runs, end).map((k) => fences[k]!));
            await Promise.all([server.empty(), engine.reset()]);
            const native: SessionTarget = {
              open: async () => {
                const connection = await server.connect();
                return {
                  send: (args) => connection.command(args),
                  messages: (count, timeoutMs) => connection.readMessages(count, timeoutMs),
                  held: (reply) => server.holds(connection, reply, 10_000),
                  close: () => connection.close(),
                };
              },
            };
            const inBrowser: SessionTarget = {
              open: async () => bytesClient(engine.newClient()),
            };
            const [fromNative, fromEngine] = await Promise.all([runBlocks(chain, native), runBlocks(chain, inBrowser)]);
            if (new Set(chain.flatMap((block) => block.steps.map((step) => step.client))).size > 1) shared += fromNative.flat().length;
            fromNative.forEach((nativeSteps, b) =>
              nativeSteps.forEach((nativeStep, s) => {
                steps++;
                const engineStep = fromEngine[b]?.[s];
                const where = `${lesson.file}:${nativeStep.step.line} ${nativeStep.step.command}`;
                const kind = difference(nativeStep, engineStep);
                if (kind === 'platform') labelled.push(`${where} — ${engineStep?.outcome.kind === 'platform' ? engineStep.outcome.label : 'platform'}`);
                if (kind === 'difference') differences.push(`${where}\n  native:${shown(nativeStep.actual)}\n  engine:${shown(engineStep?.actual ?? [])}`);
              }),
            );
          }
        } finally {
          await server.stop();
        }
      }
      console.info(`${steps} commands run on both, ${shared} of them in sessions typed by several clients; ${labelled.length} labelled as documented platform differences:\n  ${labelled.join('\n  ')}`);
      expect(steps).toBeGreaterThan(0);
      expect(shared).toBeGreaterThan(0);
      expect(differences).toEqual([]);
    });
  });
}
