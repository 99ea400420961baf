import { describe, expect, it } from 'vitest';
import { applyAliases, applyClientIds, clientIdAlias, compareReply, xaddIdArgument } from '../../../../src/packs/redis/compare';

type Case = [name: string, args: string[], expected: string[], actual: string[], ok: boolean];

describe('comparing a reply with the lesson', () => {
  it.each<Case>([
    ['matches an identical reply', ['GET', 'k'], ['"v"'], ['"v"'], true],
    ['matches an identical multi-line reply', ['LRANGE', 'l', '0', '-1'], ['1) "a"', '2) "b"'], ['1) "a"', '2) "b"'], true],
    ['ignores trailing spaces an editor removed', ['FOO'], ['(error) ERR unknown command'], ['(error) ERR unknown command '], true],
    ['reports a different value', ['GET', 'k'], ['"v"'], ['"w"'], false],
    ['reports a missing line', ['LRANGE', 'l', '0', '-1'], ['1) "a"'], ['1) "a"', '2) "b"'], false],
    ['reports an extra line', ['LRANGE', 'l', '0', '-1'], ['1) "a"', '2) "b"'], ['1) "a"'], false],
    ['does not ignore indentation', ['XRANGE', 's', '-', '+'], ['1) 1) "1-0"', '2) 1) "f"'], ['1) 1) "1-0"', '   2) 1) "f"'], false],
    ['lets ... stand for many lines', ['INFO', 'server'], ['# Server', '...', 'tcp_port:6379'], ['# Server', 'redis_version:7.0.15', 'os:Linux', 'tcp_port:6379'], true],
    ['lets ... stand for no lines', ['INFO', 'server'], ['# Server', '...', 'tcp_port:6379'], ['# Server', 'tcp_port:6379'], true],
    ['lets a trailing ... take the rest', ['CONFIG', 'GET', '*'], ['1) "a"', '...'], ['1) "a"', '2) "b"', '3) "c"'], true],
    ['still checks lines around ...', ['INFO'], ['# Server', '...', 'tcp_port:6379'], ['# Server', 'tcp_port:6380'], false],
    ['accepts a TTL as shown', ['TTL', 'k'], ['(integer) 100'], ['(integer) 100'], true],
    ['accepts a TTL up to 5 s lower', ['TTL', 'k'], ['(integer) 100'], ['(integer) 95'], true],
    ['rejects a TTL more than 5 s lower', ['TTL', 'k'], ['(integer) 100'], ['(integer) 94'], false],
    ['rejects a TTL higher than shown', ['ttl', 'k'], ['(integer) 100'], ['(integer) 101'], false],
    ['accepts a PTTL up to 5000 ms lower', ['PTTL', 'k'], ['(integer) 60000'], ['(integer) 55000'], true],
    ['rejects a PTTL more than 5000 ms lower', ['PTTL', 'k'], ['(integer) 60000'], ['(integer) 54999'], false],
    ['rejects a PTTL higher than shown', ['PTTL', 'k'], ['(integer) 60000'], ['(integer) 60001'], false],
    ['keeps -1 (no expiry) exact', ['TTL', 'k'], ['(integer) -1'], ['(integer) -2'], false],
    ['gives other integer replies no tolerance', ['DBSIZE'], ['(integer) 100'], ['(integer) 99'], false],
    ['accepts any generated stream ID for XADD *', ['XADD', 's', '*', 'f', 'v'], ['"1700000000000-0"'], ['"1795658230547-0"'], true],
    ['finds the * after XADD options', ['XADD', 's', 'NOMKSTREAM', 'MAXLEN', '~', '1000', '*', 'f', 'v'], ['"1-0"'], ['"1795658230547-0"'], true],
    ['checks an explicit XADD ID exactly', ['XADD', 's', '5-1', 'f', 'v'], ['"5-0"'], ['"5-1"'], false],
    ['does not take a non-ID reply as a stream ID', ['XADD', 's', 'NOMKSTREAM', '*', 'f', 'v'], ['"1-0"'], ['(nil)'], false],
    ['drops a (1.01s) timing line redis-cli adds after slow replies', ['BLPOP', 'q', '1'], ['(nil)', '(1.01s)'], ['(nil)'], true],
  ])('%s', (_name, args, expected, actual, ok) => {
    const result = compareReply({ args, expected, actual });
    expect(result.ok).toBe(ok);
    expect(result.diff.length > 0).toBe(!ok);
  });

  it.each<[string, string, string[], string[], boolean]>([
    ['masks the matching parts of both lines', '\\d+ bytes', ['used 100 bytes of 2'], ['used 20480 bytes of 2'], true],
    ['still compares the parts outside the matches', '\\d+ bytes', ['used 100 bytes of 2'], ['used 20480 bytes of 3'], false],
    ['masks every match on a line', '\\d+', ['1) (integer) 7'], ['2) (integer) 12'], true],
    ['applies to lines matched around ...', 'id=\\d+', ['id=1 name=a', '...'], ['id=99 name=a', 'x', 'y'], true],
  ])('with vary="…" %s', (_name, pattern, expected, actual, ok) => {
    expect(compareReply({ args: ['CLIENT', 'LIST'], expected, actual, vary: new RegExp(pattern, 'g') }).ok).toBe(ok);
  });

  it('substitutes the shown XADD ID by the real one in later expectations', () => {
    const first = compareReply({ args: ['XADD', 's', '*', 'f', 'v'], expected: ['"1700000000000-0"'], actual: ['"1795658230547-0"'] });
    expect([...first.aliases]).toEqual([['1700000000000-0', '1795658230547-0']]);
    const later = compareReply({
      args: ['XRANGE', 's', '-', '+'],
      expected: ['1) 1) "1700000000000-0"', '   2) 1) "f"', '      2) "v"'],
      actual: ['1) 1) "1795658230547-0"', '   2) 1) "f"', '      2) "v"'],
      aliases: first.aliases,
    });
    expect(later.ok).toBe(true);
  });

  it('replaces only whole stream IDs', () => {
    const aliases = new Map([['1-0', '99-0']]);
    expect(applyAliases('XDEL s 1-0 11-0 1-01', aliases)).toBe('XDEL s 99-0 11-0 1-01');
  });

  it.each([
    ['the ID after the key', ['XADD', 's', '*', 'f', 'v'], '*'],
    ['the ID after NOMKSTREAM and MINID = with LIMIT', ['xadd', 's', 'NOMKSTREAM', 'MINID', '=', '5', 'LIMIT', '10', '7-*', 'f', 'v'], '7-*'],
    ['nothing for another command', ['XLEN', 's'], undefined],
  ])('xaddIdArgument finds %s', (_name, args, id) => {
    expect(xaddIdArgument(args)).toBe(id);
  });

  it('points at the first differing line and prints both replies', () => {
    const result = compareReply({ args: ['LRANGE', 'l', '0', '-1'], expected: ['1) "a"', '2) "b"', '3) "c"'], actual: ['1) "a"', '2) "x"', '3) "c"'] });
    expect(result).toMatchObject({ ok: false, at: 1, reason: 'reply line 2 differs' });
    expect(result.diff).toEqual(['expected:', '  1) "a"', '  2) "b"', '  3) "c"', 'actual:', '  1) "a"', '  2) "x"', '  3) "c"']);
  });

  it('prints one-line replies side by side', () => {
    expect(compareReply({ args: ['GET', 'k'], expected: ['"v"'], actual: ['(nil)'] }).diff).toEqual(['expected: "v"', 'actual:   (nil)']);
  });

  it('explains a TTL that went up', () => {
    expect(compareReply({ args: ['TTL', 'k'], expected: ['(integer) 10'], actual: ['(integer) 11'] }).reason).toBe(
      'TTL is 11, higher than the 10 shown (a TTL only goes down)',
    );
  });

  it('says how many lines Redis printed beyond the lesson', () => {
    expect(compareReply({ args: ['KEYS', '*'], expected: ['1) "a"'], actual: ['1) "a"', '2) "b"', '3) "c"'] })).toMatchObject({
      at: 1,
      reason: 'Redis printed 2 more lines than the lesson shows',
    });
  });

  it('cuts long replies to the lines around the difference', () => {
    const actual = Array.from({ length: 40 }, (_, k) => `line ${k}`);
    const expected = actual.map((line, k) => (k === 20 ? 'changed' : line));
    const { diff } = compareReply({ args: ['INFO'], expected, actual });
    expect(diff[1]).toBe('  … 17 lines before');
    expect(diff).toContain('  changed');
    expect(diff.at(-1)).toBe('  … 12 more lines');
  });
});

describe('client ids a lesson shows', () => {
  it.each<[string[], string[], string[], [string, string] | undefined]>([
    [['CLIENT', 'ID'], ['(integer) 12'], ['(integer) 7'], ['12', '7']],
    [['client', 'id'], ['(integer) 12'], ['(integer) 12'], ['12', '12']],
    [['CLIENT', 'INFO'], ['(integer) 12'], ['(integer) 7'], undefined],
    [['CLIENT', 'ID'], ['12'], ['(integer) 7'], undefined],
  ])('%j shown as %j, answered %j, stands for %j', (args, expected, actual, alias) => {
    expect(clientIdAlias(args, expected, actual)).toEqual(alias);
  });

  const ids = new Map([['12', '7']]);
  it.each<[string[], string[]]>([
    [['CLIENT', 'TRACKING', 'on', 'REDIRECT', '12', 'BCAST'], ['CLIENT', 'TRACKING', 'on', 'REDIRECT', '7', 'BCAST']],
    [['CLIENT', 'KILL', 'ID', '12'], ['CLIENT', 'KILL', 'ID', '7']],
    [['CLIENT', 'UNBLOCK', '12', 'ERROR'], ['CLIENT', 'UNBLOCK', '7', 'ERROR']],
    [['CLIENT', 'LIST', 'ID', '3', '12'], ['CLIENT', 'LIST', 'ID', '3', '7']],
    [['SET', 'REDIRECT', '12'], ['SET', 'REDIRECT', '12']],
    [['CLIENT', 'SETNAME', '12'], ['CLIENT', 'SETNAME', '12']],
  ])('puts real ids into %j', (args, real) => {
    expect(applyClientIds(args, ids)).toEqual(real);
  });
});
