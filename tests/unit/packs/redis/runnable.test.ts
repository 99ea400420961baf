import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodeMeta } from '../../../../src/markdown/code-meta';
import { atMost, blockRunsInBrowser, browserRuns, chainOf, ENGINE_REDIS_VERSION, type BrowserFence } from '../../../../src/packs/redis/runnable';

const attributes = (meta: string) => parseCodeMeta(meta).attributes;

describe('which redis-cli blocks run in the browser', () => {
  it.each<[string, string, unknown, boolean]>([
    ['a plain block', '', undefined, true],
    ['a block of a lesson for 7.2', '', '7.2', true],
    ['a block of a lesson for 7.2.4', '', '7.2.4', true],
    ['a block that asks for 7.2', 'redis="7.2"', undefined, true],
    ['a block with vary and continue', 'continue vary="\\d+"', '7.2', true],
    ['a skipped block', 'skip="needs a cluster"', undefined, false],
    ['a block that needs a topology', 'topology="primary+replica"', undefined, false],
    ['a block that needs its own server', 'server="--maxmemory 1mb"', undefined, false],
    ['a block that asks for 7.4', 'redis="7.4"', '7.2', false],
    ['a block of a lesson for 7.4', '', '7.4', false],
    ['a block of a lesson for 7.2.7', '', '7.2.7', false],
    ['a 7.2 block in a lesson for 7.4: the block says what it needs', 'redis="7.2"', '7.4', true],
    ['a block with redis= and no version', 'redis', undefined, false],
  ])('%s', (_name, meta, lessonVersion, runnable) => {
    expect(blockRunsInBrowser(attributes(meta), lessonVersion).runnable).toBe(runnable);
  });

  it('says why a block cannot run', () => {
    expect(blockRunsInBrowser(attributes('redis="7.4"'), undefined)).toEqual({ runnable: false, why: `needs Redis 7.4; the browser has ${ENGINE_REDIS_VERSION}` });
    expect(blockRunsInBrowser(attributes('skip="needs a cluster"'), undefined)).toEqual({ runnable: false, why: 'has skip=' });
  });

  it.each<[string, string, boolean]>([
    ['7.2', '7.2.6', true],
    ['7.2.6', '7.2.6', true],
    ['7.2.7', '7.2.6', false],
    ['7.10', '7.2.6', false],
    ['6', '7.2.6', true],
  ])('compares %s with %s as versions', (version, limit, expected) => {
    expect(atMost(version, limit)).toBe(expected);
  });

  it('is the version the engine was built from', () => {
    const built = JSON.parse(readFileSync('src/packs/redis/engine/artifacts/VERSION.json', 'utf8')) as { redis: string };
    expect(built.redis).toBe(ENGINE_REDIS_VERSION);
  });
});

describe('continue blocks', () => {
  const runsOf = (...metas: string[]) => browserRuns(metas.map((meta, k) => ({ meta, value: '127.0.0.1:6379> PING\nPONG', line: 1 + 4 * k })), { redisVersion: '7.2' });

  it('run after the block they continue, and that one after its own', () => {
    const runs = runsOf('', 'continue', 'continue', '');
    expect(runs).toEqual([
      { runnable: true, after: undefined },
      { runnable: true, after: 0 },
      { runnable: true, after: 1 },
      { runnable: true, after: undefined },
    ]);
    expect(chainOf(runs, 2)).toEqual([0, 1, 2]);
    expect(chainOf(runs, 3)).toEqual([3]);
  });

  it('continue the last block that runs, passing over skipped blocks as the verifier does', () => {
    expect(runsOf('', 'skip="two clients"', 'continue')[2]).toEqual({ runnable: true, after: 0 });
  });

  it('cannot run in the browser when the block they continue cannot', () => {
    expect(runsOf('redis="7.4"', 'continue')[1]).toEqual({ runnable: false, why: 'continues a block that cannot run in the browser (needs Redis 7.4; the browser has 7.2.6)' });
  });

  it('start from an empty server when nothing ran before them', () => {
    expect(runsOf('continue')[0]).toEqual({ runnable: true, after: undefined });
  });
});

describe('blocks that need more than one in-browser server', () => {
  const fence = (meta: string, value: string): BrowserFence => ({ meta, value, line: 1 });
  it.each<[string, BrowserFence, string]>([
    ['a listener the engine refuses', fence('client="1"', '127.0.0.1:6379> MONITOR\nOK'), 'runs MONITOR, which a tab cannot'],
    ['a replica', fence('topology="replica"', '127.0.0.1:6379> ROLE\n1) "master"'), 'has topology='],
    ['a status that changes later', fence('eventually', '127.0.0.1:6379> DBSIZE\n(integer) 0'), 'waits for the server to change (eventually)'],
    ['a stall', fence('', '127.0.0.1:6379> CLIENT PAUSE 100\nOK'), 'runs CLIENT PAUSE, which a tab cannot'],
    ['a snapshot', fence('', '127.0.0.1:6379> BGSAVE\nBackground saving started'), 'runs BGSAVE, which a tab cannot'],
    ['a transcript with a mistake', fence('', 'no prompt here'), 'the verifier reports a problem with it'],
  ])('%s does not get the button', (_name, block, why) => {
    expect(browserRuns([block], {})).toEqual([{ runnable: false, why }]);
  });

  it('two terminals, one block each, continued: neither gets it while one waits on the other\'s script (BUSY)', () => {
    const runs = browserRuns([fence('client="1"', '127.0.0.1:6379> EVAL "while true do end" 0\n(error) ERR Script killed'), { ...fence('client="2" continue', '127.0.0.1:6379> GET k\n(error) BUSY Redis is busy running a script.\n127.0.0.1:6379> SCRIPT KILL\nOK'), line: 5 }], {});
    expect(runs).toEqual([0, 1].map(() => ({ runnable: false, why: 'shows a client answered BUSY while another runs a script, which a tab cannot' })));
  });

  it.each<[string, BrowserFence[]]>([
    ['two clients in one block', [fence('', '# client A\n127.0.0.1:6379> SUBSCRIBE news\n1) "subscribe"\n2) "news"\n3) (integer) 1\n# client B\n127.0.0.1:6379> PUBLISH news hi\n(integer) 1')]],
    ['two terminals, one block each, continued', [fence('client="1"', '127.0.0.1:6379> BLPOP jobs 0\n1) "jobs"\n2) "j1"'), { ...fence('client="2" continue', '127.0.0.1:6379> RPUSH jobs j1\n(integer) 1'), line: 5 }]],
  ])('%s get it, as one session', (_name, blocks) => {
    expect(browserRuns(blocks, {}).map((run) => run.runnable)).toEqual(blocks.map(() => true));
  });

  it('every command the engine refuses (the rw_refusals table of engine/c/rw_shim.c) keeps its block from getting it', () => {
    const table = /rw_refusals\[\] = \{([\s\S]*?)\{NULL/.exec(readFileSync('src/packs/redis/engine/c/rw_shim.c', 'utf8'))![1]!;
    const refused = [...table.matchAll(/\{"([a-z]+)"/g)].map((m) => m[1]!.toUpperCase());
    expect(refused.length).toBeGreaterThan(10);
    for (const name of refused) expect(browserRuns([fence('', `127.0.0.1:6379> ${name}\nOK`)], {})).toEqual([{ runnable: false, why: `runs ${name}, which a tab cannot` }]);
  });

  it('a plain session does', () => {
    expect(browserRuns([fence('', '127.0.0.1:6379> SET k v\nOK')], {})).toEqual([{ runnable: true, after: undefined }]);
  });
});
