import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisEngine } from '../../../../src/packs/redis/engine/engine';
import { createNodeRedisEngine } from '../../../../src/packs/redis/engine/node';
import { runAttributes, runMeta } from '../../../../src/packs/redis/run-attributes';
import { bytesClient, planBlocks, runBlocks, type RunnableBlock, type SessionTarget } from '../../../../src/packs/redis/session-run';
import { watchRace } from './verify-helpers';

const block = (text: string, meta = ''): RunnableBlock => planBlocks([{ line: 1, meta, value: text.trim() }])[0]!;
const lines = (...text: string[]) => text.join('\n');

/** What each step came to, as `command → outcome`. */
const outcomes = (runs: Awaited<ReturnType<typeof runBlocks>>) =>
  runs.map((steps) => steps.map((run) => `${run.step.command} → ${run.outcome.kind === 'varies' || run.outcome.kind === 'platform' ? run.outcome.label : run.outcome.kind}`));

it('plans a block from its figure as the build planned its fence: the figure keeps its client and vary', () => {
  const fences = [
    { line: 1, meta: 'title="Terminal 1" client="1" vary="\\d+"', value: '127.0.0.1:6379> INCR n\n(integer) 1' },
    { line: 5, meta: "client='the \"other\"' continue", value: '127.0.0.1:6379> INCR n\n(integer) 2' },
  ];
  const figures = runAttributes(fences, {}).map((data, k) => ({ ...fences[k]!, meta: runMeta(data ?? {}) }));
  const planned = (blocks: RunnableBlock[]) => blocks.map(({ steps, vary }) => ({ clients: steps.map((step) => step.client), vary: vary?.source }));
  expect(planned(planBlocks(figures))).toEqual(planned(planBlocks(fences)));
  expect(planned(planBlocks(figures))).toEqual([{ clients: ['1'], vary: '\\d+' }, { clients: ['the "other"'], vary: undefined }]);
});

describe('running lesson blocks on the in-browser engine', () => {
  let engine: RedisEngine;
  let target: SessionTarget;
  beforeAll(async () => {
    engine = await createNodeRedisEngine();
    target = {
      open: async () => bytesClient(engine.newClient()),
    };
  });
  afterAll(() => engine.close());

  it('runs each command and judges its reply against the lesson', async () => {
    await engine.reset();
    const runs = await runBlocks([block('127.0.0.1:6379> SET k v\nOK\n127.0.0.1:6379> GET k\n"other"\n127.0.0.1:6379> TTL k\n(integer) -1')], target);
    expect(outcomes(runs)).toEqual([['SET k v → same', 'GET k → differs', 'TTL k → same']]);
    expect(runs[0]?.[1]?.actual).toEqual(['"v"']);
  });

  it('runs a continue chain on the same data, each command in the database its prompt shows', async () => {
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
    const failing: SessionTarget = { open: async () => ({ send: () => Promise.reject(new Error('stopped: the engine was restarted')), messages: async () => [], close: () => {} }) };
    const runs = await runBlocks([block('127.0.0.1:6379> PING\nPONG\n127.0.0.1:6379> PING\nPONG')], failing);
    expect(runs[0]).toMatchObject([{ outcome: { kind: 'no-reply', why: 'stopped: the engine was restarted' } }]);
  });

  it('tells the caller about every step as it is judged', async () => {
    await engine.reset();
    const seen: string[] = [];
    await runBlocks([block('127.0.0.1:6379> INCR n\n(integer) 1'), block('127.0.0.1:6379> INCR n\n(integer) 2', 'continue')], target, (index, run, at) => seen.push(`${index}.${at}: ${run.actual.join(' ')}`));
    expect(seen).toEqual(['0.0: (integer) 1', '1.0: (integer) 2']);
  });

  describe('with several clients, as the verifier runs them', () => {
    const subscribed = (channel: string, ...messages: string[]) => [`127.0.0.1:6379> SUBSCRIBE ${channel}`, '1) "subscribe"', `2) "${channel}"`, '3) (integer) 1', ...messages.flatMap((text) => ['1) "message"', `2) "${channel}"`, `3) "${text}"`])];

    it('shows a subscriber the messages another client publishes, under its SUBSCRIBE', async () => {
      await engine.reset();
      const seen: string[] = [];
      const runs = await runBlocks([block(lines('# client A', ...subscribed('news', 'hi'), '# client B', '127.0.0.1:6379> PUBLISH news hi', '(integer) 1'))], target, (_block, run) => seen.push(run.step.command));
      expect(outcomes(runs)).toEqual([['SUBSCRIBE news → same', 'PUBLISH news hi → same']]);
      expect(runs[0]?.[0]?.actual).toEqual(['1) "subscribe"', '2) "news"', '3) (integer) 1', '1) "message"', '2) "news"', '3) "hi"']);
      // Judged once the publisher has sent what the lesson shows.
      expect(seen).toEqual(['PUBLISH news hi', 'SUBSCRIBE news']);
    });

    it('says so when fewer messages arrive than the lesson shows', async () => {
      await engine.reset();
      const runs = await runBlocks([block(lines('# client A', ...subscribed('news', 'hi', 'never sent'), '# client B', '127.0.0.1:6379> PUBLISH news hi', '(integer) 1'))], target, undefined, { waitMs: 100 });
      expect(runs[0]?.[0]?.outcome).toMatchObject({ kind: 'differs', reason: 'only 2 of the 3 replies the lesson shows arrived within 0.1 s' });
    });

    it('runs a WATCH race in the order the lesson shows the clients', async () => {
      await engine.reset();
      expect(outcomes(await runBlocks([block(lines(...watchRace('(nil)')))], target))[0]?.slice(-3)).toEqual(['MULTI → same', 'DECRBY wallet 10 → same', 'EXEC → same']);
      await engine.reset();
      // Had B written after EXEC, the transaction would have run.
      expect(outcomes(await runBlocks([block(lines(...watchRace('1) (integer) 0')))], target))[0]).toEqual([
        'SET wallet 10 → same',
        'WATCH wallet → same',
        'GET wallet → same',
        'DECRBY wallet 8 → same',
        'MULTI → same',
        'DECRBY wallet 10 → same',
        'EXEC → differs',
      ]);
    });

    it('lets another client serve a BLPOP, its reply shown under the BLPOP', async () => {
      await engine.reset();
      const runs = await runBlocks([block(lines('# client A', '127.0.0.1:6379> BLPOP jobs 0', '1) "jobs"', '2) "j1"', '# client B', '127.0.0.1:6379> RPUSH jobs j1', '(integer) 1'))], target);
      expect(outcomes(runs)).toEqual([['BLPOP jobs 0 → same', 'RPUSH jobs j1 → same']]);
    });

    it('stops waiting for a BLPOP nobody serves, and says so', async () => {
      await engine.reset();
      const runs = await runBlocks([block(lines('# client A', '127.0.0.1:6379> BLPOP jobs 0', '1) "jobs"', '2) "j1"', '# client B', '127.0.0.1:6379> RPUSH other j1', '(integer) 1'))], target, undefined, { waitMs: 100 });
      expect(runs[0]?.[0]?.outcome).toEqual({ kind: 'no-reply', why: 'no other client served it within 0.1 s' });
    });

    it('runs terminals shown as separate continue blocks as one session, each reply under its own block', async () => {
      await engine.reset();
      const runs = await runBlocks(
        planBlocks([
          { line: 1, meta: 'title="Terminal 1" client="1"', value: lines(...subscribed('prices', '64210.5')) },
          { line: 10, meta: 'title="Terminal 2" client="2" continue', value: lines('127.0.0.1:6379> PUBLISH prices "64210.5"', '(integer) 1', '127.0.0.1:6379> PUBSUB NUMSUB prices', '1) "prices"', '2) (integer) 1') },
        ]),
        target,
      );
      expect(outcomes(runs)).toEqual([['SUBSCRIBE prices → same'], ['PUBLISH prices "64210.5" → same', 'PUBSUB NUMSUB prices → same']]);
    });

    it('puts the real id where a later command names the id CLIENT ID showed', async () => {
      await engine.reset();
      const runs = await runBlocks(
        planBlocks([
          { line: 1, meta: 'client="1"', value: lines('127.0.0.1:6379> CLIENT ID', '(integer) 12', '127.0.0.1:6379> SUBSCRIBE __redis__:invalidate', '1) "subscribe"', '2) "__redis__:invalidate"', '3) (integer) 1', '1) "message"', '2) "__redis__:invalidate"', '3) 1) "product:42"') },
          { line: 20, meta: 'client="2" continue', value: lines('127.0.0.1:6379> CLIENT TRACKING on REDIRECT 12 BCAST PREFIX product:', 'OK', '127.0.0.1:6379> SET product:42 espresso', 'OK') },
        ]),
        target,
      );
      expect(outcomes(runs)).toEqual([['CLIENT ID → varies: Redis numbers its connections', 'SUBSCRIBE __redis__:invalidate → same'], ['CLIENT TRACKING on REDIRECT 12 BCAST PREFIX product: → same', 'SET product:42 espresso → same']]);
    });
  });
});
