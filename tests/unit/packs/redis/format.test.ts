import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFor, formatReply, printsRaw, quoteBulk } from '../../../../src/packs/redis/format';
import type { Reply } from '../../../../src/packs/redis/resp';
import type { RespConnection } from '../../../../src/packs/redis/verify/connection';
import { describeWithRedis, redisCliPath } from '../../../support/redis';

const bulk = (text: string): Reply => ({ kind: 'bulk', value: new TextEncoder().encode(text) });
const int = (n: number): Reply => ({ kind: 'integer', value: BigInt(n) });
const array = (...items: Reply[]): Reply => ({ kind: 'array', items });

describe('formatting a reply like redis-cli', () => {
  it.each<[string, Reply, string[]]>([
    ['prints a status as is', { kind: 'status', text: 'OK' }, ['OK']],
    ['prefixes an error', { kind: 'error', text: 'ERR wrong' }, ['(error) ERR wrong']],
    ['prefixes an integer', int(-3), ['(integer) -3']],
    ['prints a 64-bit integer exactly', { kind: 'integer', value: 9223372036854775807n }, ['(integer) 9223372036854775807']],
    ['quotes a bulk string', bulk('hello'), ['"hello"']],
    ['prints a null bulk string as (nil)', { kind: 'bulk', value: null }, ['(nil)']],
    ['prints a null array as (nil)', { kind: 'array', items: null }, ['(nil)']],
    ['prints an empty array', array(), ['(empty array)']],
    ['numbers array elements', array(bulk('a'), int(1)), ['1) "a"', '2) (integer) 1']],
    ['indents nested arrays under their label', array(array(bulk('1-0'), array(bulk('f'), bulk('v')))), ['1) 1) "1-0"', '   2) 1) "f"', '      2) "v"']],
    ['prints RESP3 maps with =>', { kind: 'map', entries: [[bulk('f'), bulk('v')]] }, ['1# "f" => "v"']],
    ['prints RESP3 doubles and booleans', array({ kind: 'double', text: '1.5' }, { kind: 'boolean', value: true }), ['1) (double) 1.5', '2) (true)']],
  ])('%s', (_name, reply, lines) => {
    expect(formatReply(reply)).toEqual(lines);
  });

  it('pads indexes to the widest one', () => {
    const lines = formatReply(array(...Array.from({ length: 10 }, (_, k) => int(k))));
    expect(lines[0]).toBe(' 1) (integer) 0');
    expect(lines[9]).toBe('10) (integer) 9');
  });

  it('escapes quotes, backslashes, control characters and non-ASCII bytes', () => {
    expect(quoteBulk(Buffer.from('a"b\\c\nd\re\tf\u0007\u0008\u0000\u007f'))).toBe('"a\\"b\\\\c\\nd\\re\\tf\\a\\b\\x00\\x7f"');
    expect(quoteBulk(Buffer.from('é'))).toBe('"\\xc3\\xa9"');
    expect(quoteBulk(Buffer.from(`${'y'.repeat(100_000)}\n`))).toBe(`"${'y'.repeat(100_000)}\\n"`);
  });

  it.each([
    ['INFO', ['info', 'server'], true],
    ['CLIENT LIST', ['client', 'LIST'], true],
    ['MEMORY DOCTOR', ['MEMORY', 'DOCTOR'], true],
    ['CLIENT GETNAME', ['CLIENT', 'GETNAME'], false],
    ['GET', ['GET', 'info'], false],
  ])('prints %s raw: %s', (_name, args, raw) => {
    expect(printsRaw(args)).toBe(raw);
  });

  it('prints INFO as its lines, without quotes', () => {
    expect(formatFor(['INFO', 'keyspace'], bulk('# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\n'))).toEqual(['# Keyspace', 'db0:keys=1,expires=0,avg_ttl=0']);
  });
});

// Data the queries below read; every value is written through the client so binary bytes arrive intact.
const SEED: (string | Buffer)[][] = [
  ['RPUSH', 'list12', ...'abcdefghijkl'.split('')],
  ['SET', 'quotes', 'say "hi"\\there\nnew line\ttab'],
  ['SET', 'binary', Buffer.from(Array.from({ length: 256 }, (_, k) => k))],
  ['SET', 'utf8', 'Zürich 🚲'],
  ['SET', 'empty', ''],
  ['SET', 'counter', '41'],
  ['HSET', 'hash', 'field', 'value', 'other', '2'],
  ['ZADD', 'board', '10', 'alice', '20.5', 'bob'],
  ['SADD', 'small-set', '3', '1', '2'],
  ['XADD', 'stream', '1-0', 'temp', '20', 'unit', 'C'],
  ['XADD', 'stream', '2-0', 'temp', '21'],
];

// Each query runs twice (through the formatter, then through redis-cli), so none may change the data.
const QUERIES: string[][] = [
  ['LRANGE', 'list12', '0', '-1'],
  ['GET', 'quotes'],
  ['GET', 'binary'],
  ['GET', 'utf8'],
  ['GET', 'empty'],
  ['GET', 'missing'],
  ['LRANGE', 'missing', '0', '-1'],
  ['INCRBY', 'counter', '0'],
  ['TTL', 'missing'],
  ['SET', 'x', '1'],
  ['PING'],
  ['TYPE', 'hash'],
  ['LPUSH', 'hash', 'x'],
  ['NOSUCHCOMMAND', 'arg'],
  ['HGETALL', 'hash'],
  ['ZRANGE', 'board', '0', '-1', 'WITHSCORES'],
  ['SMEMBERS', 'small-set'],
  ['XRANGE', 'stream', '-', '+'],
  ['EVAL', 'return {1,2,3,4,5,6,7,8,9,10,{1,2,3,4,5,6,7,8,9,10,{"a",{}}},false}', '0'],
  ['EVAL', 'return {{{1,{2,3}},4},{}}', '0'],
  ['EVAL', "return {err='custom failure'}", '0'],
  ['EVAL', "return {'a', redis.error_reply('inner'), redis.status_reply('FINE')}", '0'],
  ['COMMAND', 'INFO', 'get'],
  ['CONFIG', 'GET', 'maxmemory*'],
  ['INFO', 'keyspace'],
  ['OBJECT', 'ENCODING', 'list12'],
];

// After HELLO 3, redis-cli prints maps, sets and doubles with their own markers.
const RESP3_QUERIES: string[][] = [
  ['HGETALL', 'hash'],
  ['HGETALL', 'missing'],
  ['SMEMBERS', 'small-set'],
  ['SMEMBERS', 'missing'],
  ['ZRANGE', 'board', '0', '-1', 'WITHSCORES'],
  ['ZSCORE', 'board', 'bob'],
  ['CONFIG', 'GET', 'maxmemory*'],
  ['XINFO', 'STREAM', 'stream'],
  ['COMMAND', 'DOCS', 'get'],
  ['GET', 'missing'],
];

/** What the real redis-cli prints for one command, in the format interactive sessions use. */
function redisCli(cli: string, port: number, args: string[], resp3 = false): string[] {
  const out = execFileSync(cli, ['-p', String(port), '--no-raw', ...(resp3 ? ['-3'] : []), ...args], { encoding: 'utf8' });
  // INFO's lines end in \r\n; a terminal does not show the \r, and a lesson cannot contain it.
  return out.replace(/\n$/, '').split('\n').map((line) => line.replace(/\r$/, ''));
}

describeWithRedis('formatting replies exactly as the real redis-cli prints them', (redis) => {
  const cli = redisCliPath();
  let connection: RespConnection;
  let resp3: RespConnection;

  beforeAll(async () => {
    connection = await redis.server.connect();
    for (const command of SEED) await connection.command(command);
    resp3 = await redis.server.connect();
    await resp3.command(['HELLO', '3']);
  });
  afterAll(() => {
    connection.close();
    resp3.close();
  });

  it.skipIf(cli === undefined).each(QUERIES.map((args) => [args.join(' ').slice(0, 60), args] as const))('prints %s', async (_name, args) => {
    const mine = formatFor(args, await connection.command(args));
    expect(mine).toEqual(redisCli(cli ?? 'redis-cli', redis.port, args));
  });

  it.skipIf(cli === undefined).each(RESP3_QUERIES.map((args) => [args.join(' '), args] as const))('prints %s over RESP3', async (_name, args) => {
    const mine = formatFor(args, await resp3.command(args));
    expect(mine).toEqual(redisCli(cli ?? 'redis-cli', redis.port, args, true));
  });
});
