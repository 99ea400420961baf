/** What a tab cannot do, bad input, limits, runaway scripts, crashes and resets: the engine answers and stays up. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EngineError } from '../../../../../src/packs/redis/engine/engine';
import { RespError } from '../../../../../src/packs/redis/engine/resp';
import { bulk, type EngineClient, type RedisEngine, raw, startEngine, value } from './helpers';

let engine: RedisEngine;
let c: EngineClient;

beforeAll(async () => {
  engine = await startEngine();
  c = engine.newClient();
});
afterAll(() => engine.close());

const refusal = (what: string, why: string) => `-ERR ${what} is not available in the in-browser Redis: ${why}\r\n`;

describe('commands a tab cannot run answer one error line', () => {
  it.each([
    [['SAVE'], refusal('SAVE', 'there is no disk here')],
    [['BGSAVE'], refusal('BGSAVE', 'there is no disk here')],
    [['BGSAVE', 'SCHEDULE'], refusal('BGSAVE', 'there is no disk here')],
    [['BGREWRITEAOF'], refusal('BGREWRITEAOF', 'there is no disk here')],
    [['REPLICAOF', '127.0.0.1', '6380'], refusal('REPLICAOF', 'there is no network here, so no replication')],
    [['SLAVEOF', 'NO', 'ONE'], refusal('SLAVEOF', 'there is no network here, so no replication')],
    [['SYNC'], refusal('SYNC', 'there is no network here, so no replication')],
    [['PSYNC', '?', '-1'], refusal('PSYNC', 'there is no network here, so no replication')],
    [['REPLCONF', 'listening-port', '1'], refusal('REPLCONF', 'there is no network here, so no replication')],
    [['FAILOVER'], refusal('FAILOVER', 'there is no network here, so no replication')],
    [['MIGRATE', '127.0.0.1', '6380', 'k', '0', '100'], refusal('MIGRATE', 'there is no network here')],
    [['CLUSTER', 'INFO'], refusal('CLUSTER', 'it runs a single server, not a cluster')],
    [['CLUSTER', 'HELP'], refusal('CLUSTER', 'it runs a single server, not a cluster')],
    [['SHUTDOWN', 'NOSAVE'], refusal('SHUTDOWN', 'the engine cannot be shut down from a command (reset it from the page)')],
    [['DEBUG', 'SEGFAULT'], refusal('DEBUG', 'DEBUG can crash or stall the engine')],
    [['DEBUG', 'SLEEP', '10'], refusal('DEBUG', 'DEBUG can crash or stall the engine')],
    [['MONITOR'], refusal('MONITOR', 'MONITOR is not supported by the in-process engine')],
    [['MODULE', 'LOAD', '/x.so'], refusal('MODULE', 'modules cannot be loaded in a browser')],
    [['MODULE', 'LIST'], refusal('MODULE', 'modules cannot be loaded in a browser')],
    [['SCRIPT', 'DEBUG', 'YES'], refusal('SCRIPT DEBUG', 'the Lua debugger needs a fork or a blocking socket')],
    [['SCRIPT', 'DEBUG', 'SYNC'], refusal('SCRIPT DEBUG', 'the Lua debugger needs a fork or a blocking socket')],
    [['CONFIG', 'SET', 'save', '900 1'], refusal('CONFIG SET save', 'there is no disk here')],
    [['CONFIG', 'SET', 'appendonly', 'yes'], refusal('CONFIG SET appendonly', 'there is no disk here')],
    [['CONFIG', 'SET', 'dir', '/tmp'], refusal('CONFIG SET dir', 'the engine has no files, sockets or processes')],
    [['CONFIG', 'SET', 'hz', '20', 'port', '7000'], refusal('CONFIG SET port', 'the engine has no files, sockets or processes')],
    [['CONFIG', 'SET', 'watchdog-period', '100'], refusal('CONFIG SET watchdog-period', 'the engine has no files, sockets or processes')],
    [['CONFIG', 'SET', 'maxmemory', '0'], refusal('CONFIG SET maxmemory 0 or above 128mb', 'a browser tab has little memory')],
    [['CONFIG', 'SET', 'maxmemory', '1gb'], refusal('CONFIG SET maxmemory 0 or above 128mb', 'a browser tab has little memory')],
    [['CONFIG', 'SET', 'proto-max-bulk-len', '512mb'], refusal('CONFIG SET proto-max-bulk-len 0 or above 32mb', 'a browser tab has little memory')],
    [
      ['CONFIG', 'SET', 'client-output-buffer-limit', 'normal 0 0 0'],
      refusal('CONFIG SET client-output-buffer-limit normal 0 or above 64mb', 'a browser tab has little memory'),
    ],
  ])('%j', async (args, reply) => {
    expect(await raw(c, ...args)).toBe(reply);
    expect(await raw(c, 'PING')).toBe('+PONG\r\n');
  });

  it('still allows the harmless settings', async () => {
    expect(await raw(c, 'CONFIG', 'SET', 'save', '')).toBe('+OK\r\n');
    expect(await raw(c, 'CONFIG', 'SET', 'appendonly', 'no')).toBe('+OK\r\n');
    expect(await raw(c, 'CONFIG', 'SET', 'maxmemory', '100mb')).toBe('+OK\r\n');
    expect(await raw(c, 'CONFIG', 'SET', 'maxmemory', '64mb')).toBe('+OK\r\n');
    expect(await raw(c, 'SCRIPT', 'DEBUG', 'NO')).toBe('+OK\r\n');
    expect(await raw(c, 'LASTSAVE')).toMatch(/^:\d+\r\n$/);
    expect(await raw(c, 'WAIT', '0', '0')).toBe(':0\r\n');
  });

  it('refuses them inside MULTI/EXEC and from Lua too', async () => {
    expect(await raw(c, 'MULTI')).toBe('+OK\r\n');
    expect(await raw(c, 'BGSAVE')).toBe('+QUEUED\r\n');
    expect(await raw(c, 'EXEC')).toBe('*1\r\n' + refusal('BGSAVE', 'there is no disk here'));
    const fromLua = await value(c, 'EVAL', "return redis.pcall('CLUSTER', 'INFO')", '0');
    expect(fromLua).toEqual(new RespError('ERR CLUSTER is not available in the in-browser Redis: it runs a single server, not a cluster'));
  });
});

describe('bad input', () => {
  it('an unknown command, a wrong number of arguments, a syntax error, a wrong type', async () => {
    expect(await raw(c, 'FOO', 'bar')).toBe("-ERR unknown command 'FOO', with args beginning with: 'bar' \r\n");
    expect(await raw(c, 'GET')).toBe("-ERR wrong number of arguments for 'get' command\r\n");
    expect(await raw(c, 'SET', 'k', 'v', 'XX', 'NX')).toBe('-ERR syntax error\r\n');
    await c.send(['SET', 'k', 'v']);
    expect(await raw(c, 'LPUSH', 'k', 'x')).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
    expect(await raw(c, 'INCR', 'k')).toBe('-ERR value is not an integer or out of range\r\n');
    expect(await raw(c, 'EVAL', 'return +', '0')).toMatch(/^-ERR Error compiling script/);
  });

  it('rejects an empty command or a wrong argument type before Redis sees it', async () => {
    await expect(c.send([])).rejects.toBeInstanceOf(TypeError);
    await expect(c.send([42 as unknown as string])).rejects.toBeInstanceOf(TypeError);
  });

  it('stores and returns a 10 MB value', async () => {
    const big = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    expect(await raw(c, 'SET', 'big', big)).toBe('+OK\r\n');
    expect(await raw(c, 'STRLEN', 'big')).toBe(':10485760\r\n');
    const reply = await c.send(['GET', 'big']);
    const header = new TextEncoder().encode('$10485760\r\n');
    expect(reply.length).toBe(header.length + big.length + 2);
    const body = reply.subarray(header.length, header.length + big.length);
    let firstDifference = -1;
    for (let i = 0; i < big.length && firstDifference < 0; i++) if (body[i] !== big[i]) firstDifference = i;
    expect(firstDifference).toBe(-1); // (a byte loop: toEqual on 10 MB takes seconds)
    expect(await raw(c, 'DEL', 'big')).toBe(':1\r\n');
  });

  it('refuses a value above proto-max-bulk-len (32mb here) with Redis own error', async () => {
    expect(await raw(c, 'SETRANGE', 'huge', String(64 * 1024 * 1024), 'x')).toBe(
      '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n',
    );
  });

  it('runs 10,000 commands in a row, awaited one by one or all sent at once', async () => {
    for (let i = 0; i < 10_000; i++) await c.send(['INCR', 'counter']);
    expect(await raw(c, 'GET', 'counter')).toBe(bulk('10000'));
    const replies = await Promise.all(Array.from({ length: 10_000 }, () => c.send(['INCR', 'counter'])));
    expect(new TextDecoder().decode(replies[0])).toBe(':10001\r\n');
    expect(new TextDecoder().decode(replies[9_999])).toBe(':20000\r\n');
  });

  it('answers OOM when maxmemory is reached, and still serves reads', async () => {
    const m = engine.newClient();
    const chunk = 'x'.repeat(1024 * 1024);
    let reply = '';
    let i = 0;
    for (; i < 200; i++) {
      reply = await raw(m, 'SET', `fill:${i}`, chunk);
      if (reply !== '+OK\r\n') break;
    }
    expect(reply).toBe("-OOM command not allowed when used memory > 'maxmemory'.\r\n");
    expect(i).toBeGreaterThan(20);
    expect(await raw(m, 'STRLEN', 'fill:0')).toBe(':1048576\r\n');
    expect(await raw(m, 'FLUSHALL')).toBe('+OK\r\n');
    expect(await raw(m, 'SET', 'after', 'ok')).toBe('+OK\r\n');
    m.close();
  });
});

describe('scripts that never end', () => {
  it('are killed after busy-reply-threshold as SCRIPT KILL would; the engine carries on', async () => {
    const s = engine.newClient();
    expect(await raw(s, 'CONFIG', 'SET', 'busy-reply-threshold', '200')).toBe('+OK\r\n');
    const reply = await value(s, 'EVAL', 'while true do end', '0');
    expect(reply).toBeInstanceOf(RespError);
    expect((reply as RespError).message).toMatch(/^ERR Script killed by user with SCRIPT KILL\.\.\./);
    const library = "#!lua name=loop\nredis.register_function{function_name='spin', callback=function() while true do end end, flags={'no-writes'}}";
    await s.send(['FUNCTION', 'LOAD', library]);
    const killed = await value(s, 'FCALL_RO', 'spin', '0');
    expect((killed as RespError).message).toMatch(/Script killed by user with SCRIPT KILL/);
    expect(await raw(s, 'PING')).toBe('+PONG\r\n');
    expect(await raw(s, 'CONFIG', 'SET', 'busy-reply-threshold', '5000')).toBe('+OK\r\n');
    s.close();
  });
});

describe('a crash and a reset', () => {
  it('a script that wrote and never ends stops the engine; reset() brings a fresh one', async () => {
    const own = await startEngine();
    const crashes: string[] = [];
    own.onCrash((message) => crashes.push(message));
    const a = own.newClient();
    const b = own.newClient();
    await a.send(['SET', 'data', 'will be lost']);
    await a.send(['CONFIG', 'SET', 'busy-reply-threshold', '100']);
    const waiting = b.send(['BLPOP', 'q', '0']);
    const result = a.send(['EVAL', "redis.call('SET', 'x', '1') while true do end", '0']);
    await expect(result).rejects.toBeInstanceOf(EngineError);
    await expect(result).rejects.toMatchObject({ kind: 'crashed' });
    await expect(waiting).rejects.toMatchObject({ kind: 'crashed' });
    expect(own.crashed).toMatch(/cannot be killed/);
    expect(crashes).toHaveLength(1);
    expect(() => own.newClient()).toThrow(EngineError);

    await own.reset();
    expect(own.crashed).toBeNull();
    const fresh = own.newClient();
    expect(await raw(fresh, 'GET', 'data')).toBe('$-1\r\n');
    expect(await raw(fresh, 'CONFIG', 'GET', 'busy-reply-threshold')).toBe('*2\r\n$20\r\nbusy-reply-threshold\r\n$4\r\n5000\r\n');
    own.close();
  }, 30_000);

  it('reset() drops every key, setting and client', async () => {
    const own = await startEngine();
    const a = own.newClient();
    await a.send(['SET', 'k', 'v']);
    await a.send(['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru']);
    const blocked = a.send(['BLPOP', 'q', '0']);
    await own.reset();
    await expect(blocked).rejects.toMatchObject({ kind: 'reset' });
    expect(a.closed).toBe(true);
    const b = own.newClient();
    expect(await raw(b, 'DBSIZE')).toBe(':0\r\n');
    expect(await raw(b, 'CONFIG', 'GET', 'maxmemory-policy')).toBe('*2\r\n$16\r\nmaxmemory-policy\r\n$10\r\nnoeviction\r\n');
    expect(await raw(b, 'CLIENT', 'ID')).toBe(':3\r\n');
    own.close();
    await expect(b.send(['PING'])).rejects.toMatchObject({ kind: 'engine-closed' });
  });

  it('prints nothing to the console', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
    try {
      const own = await startEngine();
      const a = own.newClient();
      await a.send(['SET', 'k', 'v']);
      await a.send(['CONFIG', 'SET', 'busy-reply-threshold', '50']);
      await a.send(['EVAL', 'while true do end', '0']); // logs "Slow script detected" at warning level
      await a.send(['DEBUG', 'SLEEP', '0']);
      own.close();
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('hands Redis log lines to onLog when asked', async () => {
    const lines: string[] = [];
    const own = await startEngine({ onLog: (line) => lines.push(line) });
    const a = own.newClient();
    await a.send(['CONFIG', 'SET', 'busy-reply-threshold', '50']);
    await a.send(['EVAL', 'while true do end', '0']);
    own.close();
    expect(lines.some((line) => line.includes('Slow script detected'))).toBe(true);
  });
});
