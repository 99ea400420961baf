import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisEngine } from '../../../../src/packs/redis/engine/engine';
import { createNodeRedisEngine } from '../../../../src/packs/redis/engine/node';
import { toSessionBlock } from '../../../../src/packs/redis/session';
import { bytesClient, compileVary, runBlocks, type RunnableBlock, type SessionTarget } from '../../../../src/packs/redis/session-run';

const block = (text: string, meta = ''): RunnableBlock => {
  const session = toSessionBlock({ line: 1, meta, value: text.trim() });
  return { block: session, vary: compileVary(session.meta.attributes.get('vary')) };
};

/** What each step came to, as `command → outcome`. */
const outcomes = (runs: Awaited<ReturnType<typeof runBlocks>>) =>
  runs.map((steps) => steps.map((run) => `${run.step.command} → ${run.outcome.kind === 'varies' || run.outcome.kind === 'platform' ? run.outcome.label : run.outcome.kind}`));

describe('running lesson blocks on the in-browser engine', () => {
  let engine: RedisEngine;
  let target: SessionTarget;
  beforeAll(async () => {
    engine = await createNodeRedisEngine();
    target = {
      open: async () => {
        const client = engine.newClient();
        return bytesClient((args) => client.send(args), () => client.close());
      },
    };
  });
  afterAll(() => engine.close());

  it('runs each command and judges its reply against the lesson', async () => {
    await engine.reset();
    const runs = await runBlocks([block('127.0.0.1:6379> SET k v\nOK\n127.0.0.1:6379> GET k\n"other"\n127.0.0.1:6379> TTL k\n(integer) -1')], target);
    expect(outcomes(runs)).toEqual([['SET k v → same', 'GET k → differs', 'TTL k → same']]);
    expect(runs[0]?.[1]?.actual).toEqual(['"v"']);
  });

  it('runs a continue chain on the same data, each block on a new connection in the database its prompt shows', async () => {
    await engine.reset();
    const runs = await runBlocks(
      [
        block('127.0.0.1:6379> SELECT 2\nOK\n127.0.0.1:6379[2]> SET k in-2\nOK'),
        block('127.0.0.1:6379> GET k\n(nil)', 'continue'),
        block('127.0.0.1:6379[2]> GET k\n"in-2"', 'continue'),
      ],
      target,
    );
    expect(outcomes(runs)).toEqual([['SELECT 2 → same', 'SET k in-2 → same'], ['GET k → same'], ['GET k → same']]);
  });

  it('carries the stream IDs Redis generated into the next blocks', async () => {
    await engine.reset();
    const runs = await runBlocks(
      [block('127.0.0.1:6379> XADD s * f v\n"1700000000000-0"'), block('127.0.0.1:6379> XRANGE s 1700000000000-0 +\n1) 1) "1700000000000-0"\n   2) 1) "f"\n      2) "v"', 'continue')],
      target,
    );
    expect(outcomes(runs)).toEqual([['XADD s * f v → varies: Redis generates the stream ID'], ['XRANGE s 1700000000000-0 + → varies: Redis generated this stream ID']]);
  });

  it('answers a quoting mistake and the commands redis-cli keeps to itself without sending them', async () => {
    await engine.reset();
    const runs = await runBlocks([block('127.0.0.1:6379> SET k "v\n127.0.0.1:6379> HELP SET\n127.0.0.1:6379> PING\nPONG')], target);
    expect(outcomes(runs)).toEqual([['SET k "v → not-run', 'HELP SET → not-run', 'PING → same']]);
    expect(runs[0]?.[0]?.actual).toEqual(['Invalid argument(s)']);
  });

  it('ends a block at SUBSCRIBE, after which redis-cli only waits for messages', async () => {
    await engine.reset();
    const runs = await runBlocks([block('127.0.0.1:6379> SUBSCRIBE news\n1) "subscribe"\n2) "news"\n3) (integer) 1\n127.0.0.1:6379> PING\nPONG')], target);
    expect(outcomes(runs)).toEqual([['SUBSCRIBE news → same']]);
  });

  it('stops the block when a command gets no reply', async () => {
    await engine.reset();
    const failing: SessionTarget = { open: async () => ({ send: () => Promise.reject(new Error('stopped: the engine was restarted')), close: () => {} }) };
    const runs = await runBlocks([block('127.0.0.1:6379> PING\nPONG\n127.0.0.1:6379> PING\nPONG')], failing);
    expect(runs[0]).toMatchObject([{ outcome: { kind: 'no-reply', why: 'stopped: the engine was restarted' } }]);
  });

  it('tells the caller about every step as it is judged', async () => {
    await engine.reset();
    const seen: string[] = [];
    await runBlocks([block('127.0.0.1:6379> INCR n\n(integer) 1'), block('127.0.0.1:6379> INCR n\n(integer) 2', 'continue')], target, (index, run) => seen.push(`${index}: ${run.actual.join(' ')}`));
    expect(seen).toEqual(['0: (integer) 1', '1: (integer) 2']);
  });
});
