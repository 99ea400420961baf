/**
 * The worker protocol, driven in Node: worker.ts's handler on a fake worker scope, and worker-host.ts
 * (the page side) talking to it through a fake Worker that passes structured clones both ways.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeRedisEngine } from '../../../../../src/packs/redis/engine/node';
import type { WorkerRequest, WorkerResponse } from '../../../../../src/packs/redis/engine/protocol';
import { attachEngineWorker, type WorkerScopeLike } from '../../../../../src/packs/redis/engine/worker';
import { createWorkerEngine, type WorkerEngine, type WorkerLike } from '../../../../../src/packs/redis/engine/worker-host';
import { bulks, eventually, sleep } from './helpers';

const text = (data: Uint8Array) => new TextDecoder().decode(data);

/** A worker in this thread: messages cross as structured clones, asynchronously, like postMessage. */
class FakeWorker implements WorkerLike {
  static started = 0;
  private readonly toPage: ((event: { data: WorkerResponse }) => void)[] = [];
  private readonly toWorker: ((event: { data: WorkerRequest }) => void)[] = [];
  terminated = false;

  constructor() {
    FakeWorker.started++;
    const scope: WorkerScopeLike = {
      postMessage: (message) => {
        const copy = structuredClone(message);
        setTimeout(() => {
          if (!this.terminated) for (const listener of this.toPage) listener({ data: copy });
        }, 0);
      },
      addEventListener: (_type, listener) => this.toWorker.push(listener),
    };
    attachEngineWorker(scope, { createEngine: () => createNodeRedisEngine() });
  }

  postMessage(message: WorkerRequest): void {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) for (const listener of this.toWorker) listener({ data: copy });
    }, 0);
  }

  addEventListener(type: 'message' | 'error', listener: (event: { data: WorkerResponse }) => void): void {
    if (type === 'message') this.toPage.push(listener);
  }

  terminate(): void {
    this.terminated = true;
  }
}

let host: WorkerEngine | undefined;
afterEach(() => host?.dispose());

describe('the worker handler', () => {
  it('answers init with ready, then commands with replies, pushes and errors', async () => {
    const posted: WorkerResponse[] = [];
    let deliver: (request: WorkerRequest) => void = () => {};
    attachEngineWorker(
      {
        postMessage: (message) => posted.push(message),
        addEventListener: (_type, listener) => (deliver = (data) => listener({ data })),
      },
      { createEngine: () => createNodeRedisEngine() },
    );
    // Commands posted before init is done wait for the engine.
    deliver({ type: 'init', wasmUrl: 'unused-in-node' });
    deliver({ type: 'command', id: 1, client: 'sub', args: ['SUBSCRIBE', 'ch'] });
    deliver({ type: 'command', id: 2, client: 'pub', args: ['PUBLISH', 'ch', 'hi'] });
    deliver({ type: 'command', id: 3, client: 'pub', args: [] });
    deliver({ type: 'command', id: 4, client: 'pub', args: ['SET', 'k', new Uint8Array([1, 2])] });
    await eventually(() => posted.filter((m) => m.type === 'reply' || m.type === 'error').length === 4);
    expect(posted[0]).toEqual({ type: 'ready', version: '7.2.6' });
    const byId = (id: number) => posted.find((m) => 'id' in m && m.id === id);
    expect(text((byId(1) as { reply: Uint8Array }).reply)).toBe('*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n');
    expect(text((byId(2) as { reply: Uint8Array }).reply)).toBe(':1\r\n');
    expect(byId(3)).toMatchObject({ type: 'error', kind: 'bad-request' });
    expect(text((byId(4) as { reply: Uint8Array }).reply)).toBe('+OK\r\n');
    const push = posted.find((m) => m.type === 'push') as { client: string; push: Uint8Array };
    expect(push.client).toBe('sub');
    expect(text(push.push)).toBe(bulks('message', 'ch', 'hi'));

    // cancel, close and reset
    deliver({ type: 'command', id: 5, client: 'waiter', args: ['BLPOP', 'q', '0'] });
    await sleep(20);
    deliver({ type: 'cancel', client: 'waiter' });
    await eventually(() => byId(5) !== undefined);
    expect(text((byId(5) as { reply: Uint8Array }).reply)).toBe('*-1\r\n');
    deliver({ type: 'command', id: 6, client: 'quitter', args: ['QUIT'] });
    await eventually(() => posted.some((m) => m.type === 'closed' && m.client === 'quitter'));
    deliver({ type: 'reset', id: 7 });
    deliver({ type: 'command', id: 8, client: 'pub', args: ['GET', 'k'] });
    await eventually(() => byId(8) !== undefined);
    expect(byId(7)).toEqual({ type: 'reset-done', id: 7, version: '7.2.6' });
    expect(text((byId(8) as { reply: Uint8Array }).reply)).toBe('$-1\r\n');
  });

  it('reports a crash and goes on with a fresh engine', async () => {
    const posted: WorkerResponse[] = [];
    let deliver: (request: WorkerRequest) => void = () => {};
    attachEngineWorker(
      { postMessage: (message) => posted.push(message), addEventListener: (_type, listener) => (deliver = (data) => listener({ data })) },
      { createEngine: () => createNodeRedisEngine() },
    );
    deliver({ type: 'init', wasmUrl: 'x' });
    deliver({ type: 'command', id: 1, client: 'a', args: ['CONFIG', 'SET', 'busy-reply-threshold', '50'] });
    deliver({ type: 'command', id: 2, client: 'a', args: ['EVAL', "redis.call('SET', 'x', 1) while true do end", '0'] });
    deliver({ type: 'command', id: 3, client: 'a', args: ['GET', 'x'] });
    await eventually(() => posted.some((m) => 'id' in m && m.id === 3));
    expect(posted.find((m) => 'id' in m && m.id === 2)).toMatchObject({ type: 'error', kind: 'crashed' });
    expect(posted.find((m) => m.type === 'crashed')).toMatchObject({ message: expect.stringMatching(/cannot be killed/) });
    // id 3 waited while the fresh engine started: it runs there, where the data is gone.
    expect(text((posted.find((m) => 'id' in m && m.id === 3) as { reply: Uint8Array }).reply)).toBe('$-1\r\n');
  });
});

describe('the page side (worker-host)', () => {
  it('starts the worker on first use and matches replies to commands', async () => {
    const started = FakeWorker.started;
    const seen: string[] = [];
    host = createWorkerEngine({
      createWorker: () => new FakeWorker(),
      wasmUrl: '/assets/redis-engine.abc123.wasm',
      onPush: (client, push) => seen.push(`${client}: ${text(push)}`),
    });
    expect(FakeWorker.started).toBe(started);
    expect(await host.ready()).toBe('7.2.6');
    expect(FakeWorker.started).toBe(started + 1);
    const replies = await Promise.all([host.send('t1', ['SET', 'k', '1']), host.send('t1', ['INCR', 'k']), host.send('t2', ['GET', 'k'])]);
    expect(replies.map(text)).toEqual(['+OK\r\n', ':2\r\n', '$1\r\n2\r\n']);
    await host.send('s', ['SUBSCRIBE', 'c']);
    await host.send('t1', ['PUBLISH', 'c', 'm']);
    await eventually(() => seen.length === 1);
    expect(seen).toEqual([`s: ${bulks('message', 'c', 'm')}`]);
  });

  it('stop() terminates the worker, rejects what waits, and the next command starts an empty server', async () => {
    const restarts: string[] = [];
    host = createWorkerEngine({ createWorker: () => new FakeWorker(), wasmUrl: 'x', onRestart: (why) => restarts.push(why) });
    await host.send('a', ['SET', 'k', 'v']);
    const waiting = host.send('a', ['BLPOP', 'q', '0']);
    await sleep(20);
    host.stop();
    await expect(waiting).rejects.toMatchObject({ kind: 'stopped' });
    expect(restarts).toEqual(['stopped']);
    expect(text(await host.send('a', ['GET', 'k']))).toBe('$-1\r\n');
  });

  it('stop() while the engine is still loading rejects ready() and the commands that wait for it', async () => {
    host = createWorkerEngine({ createWorker: () => new FakeWorker(), wasmUrl: 'x' });
    const ready = host.ready();
    const command = host.send('a', ['PING']);
    host.stop();
    await expect(ready).rejects.toMatchObject({ kind: 'stopped' });
    await expect(command).rejects.toMatchObject({ kind: 'stopped' });
    expect(text(await host.send('a', ['PING']))).toBe('+PONG\r\n');
  });

  it('reset() empties the server in the same worker', async () => {
    const restarts: string[] = [];
    host = createWorkerEngine({ createWorker: () => new FakeWorker(), wasmUrl: 'x', onRestart: (why) => restarts.push(why) });
    await host.send('a', ['SET', 'k', 'v']);
    const started = FakeWorker.started;
    await host.reset();
    expect(FakeWorker.started).toBe(started);
    expect(restarts).toEqual(['reset']);
    expect(text(await host.send('a', ['DBSIZE']))).toBe(':0\r\n');
  });
});
