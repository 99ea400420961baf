import { describe, expect, it } from 'vitest';
import { PLATFORM_DIFFERENCES, platformDifference } from '../../../../src/packs/redis/platform';
import { judgeReply } from '../../../../src/packs/redis/verdict';

type Case = [name: string, args: string[], expected: string[], actual: string[], verdict: string];

describe('what the learner is told about a reply', () => {
  it.each<Case>([
    ['the same reply', ['GET', 'k'], ['"v"'], ['"v"'], 'same'],
    ['the same reply but for trailing spaces', ['GET', 'k'], ['"v"  '], ['"v"'], 'same'],
    ['a TTL a second lower', ['TTL', 'k'], ['(integer) 100'], ['(integer) 99'], 'varies: the time to live counts down'],
    ['a generated stream ID', ['XADD', 's', '*', 'f', 'v'], ['"1700000000000-0"'], ['"1795658230547-0"'], 'varies: Redis generates the stream ID'],
    ['lines the lesson leaves out', ['CONFIG', 'GET', '*'], ['1) "a"', '...'], ['1) "a"', '2) "b"'], 'varies: the lesson shows part of this reply'],
    ['another value where the lesson says it varies', ['SRANDMEMBER', 's'], ['"u3"'], ['"u1"'], 'varies: the lesson marks this value as varying'],
    ['a MEMORY USAGE figure', ['MEMORY', 'USAGE', 'k'], ['(integer) 72'], ['(integer) 82'], 'differs in the browser (32-bit build)'],
    ['an INCRBYFLOAT 17th digit', ['INCRBYFLOAT', 'f', '2.0e2'], ['"201.10000000000000001"'], ['"201.1"'], 'differs in the browser (32-bit build)'],
    ['the engine maxmemory', ['CONFIG', 'GET', 'maxmemory'], ['1) "maxmemory"', '2) "0"'], ['1) "maxmemory"', '2) "67108864"'], 'differs in the browser (limits of a browser tab)'],
    ['a refused command', ['CLUSTER', 'INFO'], ['cluster_enabled:0'], ['(error) ERR CLUSTER is not available in the in-browser Redis: it runs a single server, not a cluster'], 'not available in the browser'],
    ['another value', ['GET', 'k'], ['"v"'], ['"w"'], 'differs'],
    ['an INCRBYFLOAT that is really another number', ['INCRBYFLOAT', 'f', '1'], ['"2.5"'], ['"3.5"'], 'differs'],
    ['a MEMORY USAGE of a missing key', ['MEMORY', 'USAGE', 'k'], ['(integer) 72'], ['(nil)'], 'differs'],
    ['another CONFIG GET value than a limit', ['CONFIG', 'GET', 'hz'], ['1) "hz"', '2) "10"'], ['1) "hz"', '2) "100"'], 'differs'],
  ])('%s', (_name, args, expected, actual, verdict) => {
    const vary = args[0] === 'SRANDMEMBER' ? /u\d/g : undefined;
    const { verdict: v } = judgeReply({ args, expected, actual, vary });
    expect(v.kind === 'same' || v.kind === 'differs' ? v.kind : v.label).toBe(verdict);
  });

  it('flags a difference with both replies', () => {
    expect(judgeReply({ args: ['GET', 'k'], expected: ['"v"'], actual: ['"w"'] }).verdict).toEqual({
      kind: 'differs',
      reason: 'reply line 1 differs',
      diff: ['expected: "v"', 'actual:   "w"'],
    });
  });

  it('labels a stream ID shown later in the block as generated', () => {
    const first = judgeReply({ args: ['XADD', 's', '*', 'f', 'v'], expected: ['"1-0"'], actual: ['"1795658230547-0"'] });
    const later = judgeReply({ args: ['XLEN', 's'], expected: ['"1-0"'], actual: ['"1795658230547-0"'], aliases: first.aliases });
    expect(later.verdict).toEqual({ kind: 'varies', label: 'varies: Redis generated this stream ID' });
  });

  it('applies the fence’s vary before looking for a platform difference', () => {
    const expected = ['# Memory', 'used_memory:1383960', 'used_memory_human:1.32M', '...', 'maxmemory_human:0B', '...', 'mem_fragmentation_ratio:5.48', '...'];
    const actual = ['# Memory', 'used_memory:641253', 'used_memory_human:626.22K', 'used_memory_rss:0', 'maxmemory_human:64.00M', 'mem_fragmentation_ratio:-nan', 'mem_allocator:libc'];
    const { verdict } = judgeReply({ args: ['INFO', 'memory'], expected, actual, vary: /[\d.]+[KMGB]?%?/g });
    expect(verdict).toMatchObject({ kind: 'platform', label: 'differs in the browser (32-bit build)' });
  });
});

describe('the documented platform differences', () => {
  it('explain INFO build fields but not other INFO lines', () => {
    expect(platformDifference(['INFO', 'server'], ['# Server', '...', 'multiplexing_api:epoll', '...'], ['# Server', 'arch_bits:32', 'multiplexing_api:select'])).toBeDefined();
    expect(platformDifference(['INFO', 'server'], ['# Server', 'redis_mode:standalone'], ['# Server', 'redis_mode:cluster'])).toBeUndefined();
  });

  it('explain only the value after a limit’s name in CONFIG GET', () => {
    expect(platformDifference(['CONFIG', 'GET', '*'], ['1) "maxmemory"', '2) "0"', '3) "hz"', '4) "10"'], ['1) "maxmemory"', '2) "67108864"', '3) "hz"', '4) "10"'])).toBeDefined();
    expect(platformDifference(['CONFIG', 'GET', '*'], ['1) "maxmemory"', '2) "0"', '3) "hz"', '4) "10"'], ['1) "maxmemory"', '2) "67108864"', '3) "hz"', '4) "11"'])).toBeUndefined();
  });

  it('each say why, in a sentence', () => {
    for (const difference of PLATFORM_DIFFERENCES) expect(difference.why).toMatch(/^[A-Z].+\.$/);
  });
});
