/** The data types and their commands on the in-browser engine: exact RESP bytes as Redis 7.2.6 writes them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespError } from '../../../../../src/packs/redis/engine/resp';
import { bulk, bulks, type EngineClient, type RedisEngine, raw, startEngine, value } from './helpers';

let engine: RedisEngine;
let c: EngineClient;

beforeAll(async () => {
  engine = await startEngine();
  c = engine.newClient();
});
afterAll(() => engine.close());

describe('the engine', () => {
  it('is Redis 7.2.6', async () => {
    expect(engine.version).toBe('7.2.6');
    expect(await raw(c, 'PING')).toBe('+PONG\r\n');
    expect(await raw(c, 'ECHO', 'héllo')).toBe(bulk('héllo'));
  });
});

describe('strings', () => {
  it('SET, GET, INCR, APPEND, GETRANGE, MSET, MGET, SET NX/GET, GETDEL', async () => {
    expect(await raw(c, 'SET', 'str:a', 'hello')).toBe('+OK\r\n');
    expect(await raw(c, 'GET', 'str:a')).toBe('$5\r\nhello\r\n');
    expect(await raw(c, 'APPEND', 'str:a', ' world')).toBe(':11\r\n');
    expect(await raw(c, 'GETRANGE', 'str:a', '0', '4')).toBe('$5\r\nhello\r\n');
    expect(await raw(c, 'INCR', 'str:n')).toBe(':1\r\n');
    expect(await raw(c, 'INCRBY', 'str:n', '41')).toBe(':42\r\n');
    expect(await raw(c, 'INCRBYFLOAT', 'str:f', '1.5')).toBe('$3\r\n1.5\r\n');
    expect(await raw(c, 'INCRBYFLOAT', 'str:f', '0.1')).toBe('$3\r\n1.6\r\n'); // long double printed in full
    expect(await raw(c, 'MSET', 'str:x', '1', 'str:y', '2')).toBe('+OK\r\n');
    expect(await raw(c, 'MGET', 'str:x', 'str:y', 'str:none')).toBe('*3\r\n$1\r\n1\r\n$1\r\n2\r\n$-1\r\n');
    expect(await raw(c, 'SET', 'str:x', 'new', 'NX')).toBe('$-1\r\n');
    expect(await raw(c, 'SET', 'str:x', 'new', 'GET')).toBe('$1\r\n1\r\n');
    expect(await raw(c, 'GETDEL', 'str:x')).toBe('$3\r\nnew\r\n');
    expect(await raw(c, 'EXISTS', 'str:x')).toBe(':0\r\n');
    expect(await raw(c, 'STRLEN', 'str:a')).toBe(':11\r\n');
  });

  it('keeps binary values byte for byte', async () => {
    const bytes = new Uint8Array([0, 255, 13, 10, 36, 42, 128]);
    expect(await raw(c, 'SET', 'str:bin', bytes)).toBe('+OK\r\n');
    const reply = await c.send(['GET', 'str:bin']);
    expect([...reply]).toEqual([...new TextEncoder().encode('$7\r\n'), ...bytes, 13, 10]);
  });
});

describe('lists', () => {
  it('RPUSH, LPUSH, LRANGE, LPOP, LLEN, LINSERT, LPOS, LMOVE', async () => {
    expect(await raw(c, 'RPUSH', 'list:a', 'b', 'c')).toBe(':2\r\n');
    expect(await raw(c, 'LPUSH', 'list:a', 'a')).toBe(':3\r\n');
    expect(await raw(c, 'LRANGE', 'list:a', '0', '-1')).toBe(bulks('a', 'b', 'c'));
    expect(await raw(c, 'LINSERT', 'list:a', 'BEFORE', 'c', 'bb')).toBe(':4\r\n');
    expect(await raw(c, 'LPOS', 'list:a', 'c')).toBe(':3\r\n');
    expect(await raw(c, 'LPOP', 'list:a')).toBe(bulk('a'));
    expect(await raw(c, 'LMOVE', 'list:a', 'list:b', 'LEFT', 'RIGHT')).toBe(bulk('b'));
    expect(await raw(c, 'LLEN', 'list:a')).toBe(':2\r\n');
    expect(await raw(c, 'OBJECT', 'ENCODING', 'list:a')).toBe(bulk('listpack'));
    for (let i = 0; i < 100; i++) await c.send(['RPUSH', 'list:long', `${i}`.padEnd(100, '.')]);
    expect(await raw(c, 'OBJECT', 'ENCODING', 'list:long')).toBe(bulk('quicklist'));
  });
});

describe('sets', () => {
  it('SADD, SMEMBERS, SISMEMBER, SINTER, SCARD and their encodings', async () => {
    expect(await raw(c, 'SADD', 'set:n', '3', '1', '2')).toBe(':3\r\n');
    expect(await raw(c, 'SMEMBERS', 'set:n')).toBe(bulks('1', '2', '3'));
    expect(await raw(c, 'OBJECT', 'ENCODING', 'set:n')).toBe(bulk('intset'));
    expect(await raw(c, 'SADD', 'set:w', 'a', 'b', 'c')).toBe(':3\r\n');
    expect(await raw(c, 'OBJECT', 'ENCODING', 'set:w')).toBe(bulk('listpack'));
    expect(await raw(c, 'SISMEMBER', 'set:w', 'b')).toBe(':1\r\n');
    expect(await raw(c, 'SADD', 'set:v', 'b', 'c', 'd')).toBe(':3\r\n');
    expect(await raw(c, 'SINTERCARD', '2', 'set:w', 'set:v')).toBe(':2\r\n');
    expect((await value(c, 'SINTER', 'set:w', 'set:v')) as string[]).toEqual(expect.arrayContaining(['b', 'c']));
    expect(await raw(c, 'SCARD', 'set:w')).toBe(':3\r\n');
    for (let i = 0; i < 200; i++) await c.send(['SADD', 'set:big', `m${i}`]);
    expect(await raw(c, 'OBJECT', 'ENCODING', 'set:big')).toBe(bulk('hashtable'));
  });
});

describe('sorted sets', () => {
  it('ZADD, ZRANGE WITHSCORES, ZINCRBY, ZRANK, ZRANGEBYSCORE, ZREVRANGE', async () => {
    expect(await raw(c, 'ZADD', 'z', '10', 'alice', '20', 'bob', '15', 'carol')).toBe(':3\r\n');
    expect(await raw(c, 'ZRANGE', 'z', '0', '-1', 'WITHSCORES')).toBe(bulks('alice', '10', 'carol', '15', 'bob', '20'));
    expect(await raw(c, 'ZINCRBY', 'z', '2.5', 'alice')).toBe(bulk('12.5'));
    expect(await raw(c, 'ZRANK', 'z', 'bob')).toBe(':2\r\n');
    expect(await raw(c, 'ZRANGEBYSCORE', 'z', '(12.5', '+inf')).toBe(bulks('carol', 'bob'));
    expect(await raw(c, 'ZREVRANGE', 'z', '0', '0')).toBe(bulks('bob'));
    expect(await raw(c, 'ZSCORE', 'z', 'nobody')).toBe('$-1\r\n');
    expect(await raw(c, 'OBJECT', 'ENCODING', 'z')).toBe(bulk('listpack'));
    for (let i = 0; i < 130; i++) await c.send(['ZADD', 'z:big', String(i), `m${i}`]);
    expect(await raw(c, 'OBJECT', 'ENCODING', 'z:big')).toBe(bulk('skiplist'));
  });
});

describe('hashes', () => {
  it('HSET, HGET, HGETALL, HINCRBY, HLEN, HDEL', async () => {
    expect(await raw(c, 'HSET', 'h', 'name', 'Ada', 'born', '1815')).toBe(':2\r\n');
    expect(await raw(c, 'HGET', 'h', 'name')).toBe(bulk('Ada'));
    expect(await raw(c, 'HINCRBY', 'h', 'born', '1')).toBe(':1816\r\n');
    expect(await raw(c, 'HGETALL', 'h')).toBe(bulks('name', 'Ada', 'born', '1816'));
    expect(await raw(c, 'HLEN', 'h')).toBe(':2\r\n');
    expect(await raw(c, 'HDEL', 'h', 'born', 'nope')).toBe(':1\r\n');
    expect(await raw(c, 'OBJECT', 'ENCODING', 'h')).toBe(bulk('listpack'));
  });
});

describe('bitmaps', () => {
  it('SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD', async () => {
    expect(await raw(c, 'SETBIT', 'bits', '7', '1')).toBe(':0\r\n');
    expect(await raw(c, 'SETBIT', 'bits', '9', '1')).toBe(':0\r\n');
    expect(await raw(c, 'GETBIT', 'bits', '7')).toBe(':1\r\n');
    expect(await raw(c, 'BITCOUNT', 'bits')).toBe(':2\r\n');
    expect(await raw(c, 'BITPOS', 'bits', '1')).toBe(':7\r\n');
    expect(await raw(c, 'GET', 'bits')).toBe('$2\r\n\x01@\r\n');
    expect(await raw(c, 'BITOP', 'NOT', 'bits:not', 'bits')).toBe(':2\r\n');
    expect(await raw(c, 'BITCOUNT', 'bits:not')).toBe(':14\r\n');
    expect(await raw(c, 'BITFIELD', 'bf', 'SET', 'u8', '0', '200', 'INCRBY', 'u8', '0', '100')).toBe('*2\r\n:0\r\n:44\r\n');
  });
});

describe('HyperLogLog', () => {
  it('PFADD, PFCOUNT, PFMERGE', async () => {
    expect(await raw(c, 'PFADD', 'hll:a', 'x', 'y', 'z')).toBe(':1\r\n');
    expect(await raw(c, 'PFADD', 'hll:a', 'x')).toBe(':0\r\n');
    expect(await raw(c, 'PFADD', 'hll:b', 'z', 'w')).toBe(':1\r\n');
    expect(await raw(c, 'PFCOUNT', 'hll:a')).toBe(':3\r\n');
    expect(await raw(c, 'PFMERGE', 'hll:c', 'hll:a', 'hll:b')).toBe('+OK\r\n');
    expect(await raw(c, 'PFCOUNT', 'hll:c')).toBe(':4\r\n');
    for (let i = 0; i < 1000; i++) await c.send(['PFADD', 'hll:many', `visitor-${i}`]);
    const estimate = (await value(c, 'PFCOUNT', 'hll:many')) as number;
    expect(Math.abs(estimate - 1000)).toBeLessThan(30);
  });
});

describe('geo', () => {
  it('GEOADD, GEODIST, GEOPOS, GEOSEARCH with the same digits as a native server', async () => {
    expect(await raw(c, 'GEOADD', 'geo', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania')).toBe(':2\r\n');
    expect(await raw(c, 'GEODIST', 'geo', 'Palermo', 'Catania', 'km')).toBe(bulk('166.2742'));
    expect(await raw(c, 'GEOPOS', 'geo', 'Palermo')).toBe('*1\r\n' + bulks('13.36138933897018433', '38.11555639549629859'));
    expect(await raw(c, 'GEOSEARCH', 'geo', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'ASC', 'WITHDIST')).toBe(
      '*2\r\n' + bulks('Catania', '56.4413') + bulks('Palermo', '190.4424'),
    );
  });
});

describe('streams and consumer groups', () => {
  it('XADD, XRANGE, XGROUP, XREADGROUP, XPENDING, XACK, XLEN', async () => {
    expect(await raw(c, 'XADD', 'orders', '1-1', 'item', 'book')).toBe(bulk('1-1'));
    expect(await raw(c, 'XADD', 'orders', '1-2', 'item', 'pen')).toBe(bulk('1-2'));
    expect(await raw(c, 'XLEN', 'orders')).toBe(':2\r\n');
    expect(await raw(c, 'XRANGE', 'orders', '-', '+', 'COUNT', '1')).toBe('*1\r\n*2\r\n' + bulk('1-1') + bulks('item', 'book'));
    expect(await raw(c, 'XGROUP', 'CREATE', 'orders', 'shipping', '0')).toBe('+OK\r\n');
    expect(await raw(c, 'XREADGROUP', 'GROUP', 'shipping', 'worker-1', 'COUNT', '1', 'STREAMS', 'orders', '>')).toBe(
      '*1\r\n*2\r\n' + bulk('orders') + '*1\r\n*2\r\n' + bulk('1-1') + bulks('item', 'book'),
    );
    expect(await raw(c, 'XPENDING', 'orders', 'shipping')).toBe('*4\r\n:1\r\n' + bulk('1-1') + bulk('1-1') + '*1\r\n' + bulks('worker-1', '1'));
    expect(await raw(c, 'XACK', 'orders', 'shipping', '1-1')).toBe(':1\r\n');
    expect(await raw(c, 'XPENDING', 'orders', 'shipping')).toBe('*4\r\n:0\r\n$-1\r\n$-1\r\n*-1\r\n');
    expect(await raw(c, 'XADD', 'orders', '1-1', 'x', 'y')).toBe(
      '-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n',
    );
  });
});

describe('transactions', () => {
  it('MULTI/EXEC queues and runs; WATCH aborts EXEC when another client writes', async () => {
    expect(await raw(c, 'MULTI')).toBe('+OK\r\n');
    expect(await raw(c, 'INCR', 'tx:n')).toBe('+QUEUED\r\n');
    expect(await raw(c, 'INCR', 'tx:n')).toBe('+QUEUED\r\n');
    expect(await raw(c, 'EXEC')).toBe('*2\r\n:1\r\n:2\r\n');

    const other = engine.newClient();
    expect(await raw(c, 'WATCH', 'tx:n')).toBe('+OK\r\n');
    expect(await raw(other, 'SET', 'tx:n', '100')).toBe('+OK\r\n');
    expect(await raw(c, 'MULTI')).toBe('+OK\r\n');
    expect(await raw(c, 'INCR', 'tx:n')).toBe('+QUEUED\r\n');
    expect(await raw(c, 'EXEC')).toBe('*-1\r\n');
    expect(await raw(c, 'GET', 'tx:n')).toBe(bulk('100'));
    expect(await raw(c, 'MULTI')).toBe('+OK\r\n');
    expect(await raw(c, 'NOSUCHCOMMAND')).toBe("-ERR unknown command 'NOSUCHCOMMAND', with args beginning with: \r\n");
    expect(await raw(c, 'EXEC')).toBe('-EXECABORT Transaction discarded because of previous errors.\r\n');
    other.close();
  });
});

describe('Lua: EVAL and FUNCTION', () => {
  it('EVAL with keys and arguments, EVALSHA, redis.call errors', async () => {
    expect(await raw(c, 'EVAL', "return {KEYS[1], ARGV[1], redis.call('INCR', KEYS[1])}", '1', 'lua:n', 'arg')).toBe(
      '*3\r\n' + bulk('lua:n') + bulk('arg') + ':1\r\n',
    );
    const sha = (await value(c, 'SCRIPT', 'LOAD', 'return 42')) as string;
    expect(sha).toBe('1fa00e76656cc152ad327c13fe365858fd7be306');
    expect(await raw(c, 'EVALSHA', sha, '0')).toBe(':42\r\n');
    const error = await value(c, 'EVAL', "return redis.call('LPUSH', 'str:a', 'x')", '0');
    expect(error).toBeInstanceOf(RespError);
    expect((error as RespError).message).toMatch(/^WRONGTYPE/);
  });

  it('FUNCTION LOAD, FCALL, FUNCTION LIST', async () => {
    const library = "#!lua name=course\nredis.register_function('greet', function(keys, args) return 'hello ' .. args[1] end)";
    expect(await raw(c, 'FUNCTION', 'LOAD', library)).toBe(bulk('course'));
    expect(await raw(c, 'FCALL', 'greet', '0', 'world')).toBe(bulk('hello world'));
    expect(await raw(c, 'FUNCTION', 'LOAD', library)).toBe("-ERR Library 'course' already exists\r\n");
    const list = (await value(c, 'FUNCTION', 'LIST', 'LIBRARYNAME', 'course')) as unknown[];
    expect(list).toHaveLength(1);
  });
});

describe('keys', () => {
  it('SCAN visits every key exactly once', async () => {
    for (let i = 0; i < 120; i++) await c.send(['SET', `scan:${i}`, 'v']);
    const seen = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = (await value(c, 'SCAN', cursor, 'MATCH', 'scan:*', 'COUNT', '25')) as [string, string[]];
      for (const key of keys) seen.add(key);
      cursor = next;
    } while (cursor !== '0');
    expect(seen.size).toBe(120);
  });

  it('OBJECT ENCODING for strings', async () => {
    await c.send(['SET', 'enc:int', '12345']);
    await c.send(['SET', 'enc:short', 'hello']);
    await c.send(['SET', 'enc:long', 'x'.repeat(45)]);
    expect(await raw(c, 'OBJECT', 'ENCODING', 'enc:int')).toBe(bulk('int'));
    expect(await raw(c, 'OBJECT', 'ENCODING', 'enc:short')).toBe(bulk('embstr'));
    expect(await raw(c, 'OBJECT', 'ENCODING', 'enc:long')).toBe(bulk('raw'));
  });

  it('MEMORY USAGE answers in bytes (32-bit sizes and libc malloc: not what a native 64-bit server says)', async () => {
    await c.send(['SET', 'mem:k', 'v']);
    expect(await raw(c, 'MEMORY', 'USAGE', 'mem:k')).toBe(':64\r\n');
    expect(await raw(c, 'MEMORY', 'USAGE', 'mem:none')).toBe('$-1\r\n');
  });

  it('TYPE, RENAME, DEL, SELECT, DBSIZE, FLUSHDB', async () => {
    expect(await raw(c, 'TYPE', 'z')).toBe('+zset\r\n');
    expect(await raw(c, 'RENAME', 'h', 'h2')).toBe('+OK\r\n');
    expect(await raw(c, 'DEL', 'h2', 'nope')).toBe(':1\r\n');
    expect(await raw(c, 'SELECT', '3')).toBe('+OK\r\n');
    expect(await raw(c, 'SET', 'only-in-3', '1')).toBe('+OK\r\n');
    expect(await raw(c, 'DBSIZE')).toBe(':1\r\n');
    expect(await raw(c, 'FLUSHDB')).toBe('+OK\r\n');
    expect(await raw(c, 'DBSIZE')).toBe(':0\r\n');
    expect(await raw(c, 'SELECT', '0')).toBe('+OK\r\n');
  });
});

describe('server commands', () => {
  it('CONFIG GET/SET', async () => {
    expect(await raw(c, 'CONFIG', 'GET', 'maxmemory')).toBe(bulks('maxmemory', '67108864'));
    expect(await raw(c, 'CONFIG', 'GET', 'maxmemory-policy')).toBe(bulks('maxmemory-policy', 'noeviction'));
    expect(await raw(c, 'CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru')).toBe('+OK\r\n');
    expect(await raw(c, 'CONFIG', 'GET', 'maxmemory-policy')).toBe(bulks('maxmemory-policy', 'allkeys-lru'));
    expect(await raw(c, 'CONFIG', 'SET', 'maxmemory-policy', 'noeviction', 'hz', '10')).toBe('+OK\r\n');
    expect(await raw(c, 'CONFIG', 'GET', 'save')).toBe(bulks('save', ''));
    expect(await raw(c, 'CONFIG', 'GET', 'appendonly')).toBe(bulks('appendonly', 'no'));
    expect(await raw(c, 'CONFIG', 'SET', 'nosuchthing', '1')).toBe(
      "-ERR Unknown option or number of arguments for CONFIG SET - 'nosuchthing'\r\n",
    );
  });

  it('INFO describes this server', async () => {
    const info = (await value(c, 'INFO')) as string;
    expect(info).toMatch(/^# Server\r\nredis_version:7\.2\.6\r\n/);
    expect(info).toContain('redis_mode:standalone\r\n');
    expect(info).toContain('arch_bits:32\r\n');
    expect(info).toContain('maxmemory:67108864\r\n');
    expect(info).toContain('maxmemory_policy:noeviction\r\n');
    expect(info).toContain('aof_enabled:0\r\n');
    expect(info).toMatch(/# Keyspace\r\ndb0:keys=\d+,expires=\d+,avg_ttl=\d+\r\n/);
  });

  it('TIME follows the real clock', async () => {
    const [seconds] = (await value(c, 'TIME')) as [string, string];
    expect(Math.abs(Number(seconds) - Date.now() / 1000)).toBeLessThan(5);
  });
});
