import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotRanges } from '../../../../src/packs/redis/verify/environment';
import { sessionSummary, type RunOptions } from '../../../../src/packs/redis/verify/run';
import type { RedisBinary } from '../../../../src/packs/redis/verify/servers';
import { describeWithRedis } from '../../../support/redis';
import { binaryAt, fence, problemLines as lines, verifyText } from './verify-helpers';

// Starting a Sentinel group or a cluster takes a few seconds on two busy cores.
const SLOW = 120_000;

describeWithRedis('blocks that need servers of their own', (redis) => {
  let servers: RedisBinary[];
  let version: string;
  const run = (text: string, options: Partial<RunOptions> = {}) => verifyText('x.mdx', text, { servers, ...options });
  beforeAll(() => {
    servers = binaryAt(redis.server.path);
    version = servers[0]?.version ?? 'unknown';
  });

  it(
    'runs each line of a replica session on the node its prompt shows, and names the lesson’s addresses in replies',
    async () => {
      const text = [
        fence(
          'topology="replica" nodes="primary=10.0.0.11:6379" eventually',
          '10.0.0.11:6379> SET order:1 paid',
          'OK',
          '127.0.0.1:6380> GET order:1',
          '"paid"',
          '127.0.0.1:6380> INFO replication',
          '# Replication',
          'role:slave',
          'master_host:10.0.0.11',
          'master_port:6379',
          'master_link_status:up',
          '...',
          '127.0.0.1:6380> SET order:2 paid',
          "(error) READONLY You can't write against a read only replica.",
        ),
        // The same servers, emptied: the replica no longer has the key.
        fence('topology="replica" nodes="primary=10.0.0.11:6379"', '127.0.0.1:6380> GET order:1', '"paid"'),
      ].join('\n');
      const report = await run(text);
      expect(lines(report)).toEqual(['x.mdx:19:1 error redis/reply `GET order:1`: reply line 1 differs', '    expected: "paid"', '    actual:   (nil)']);
      expect(sessionSummary(report)).toBe(`2 blocks ran on ${version} replica (5 commands, 1 mismatch)`);
    },
    SLOW,
  );

  it(
    'attaches the replica when the session does, and stops a node the block takes down',
    async () => {
      const text = [
        fence(
          'topology="replica" nodes="primary=10.0.0.11:6379 replica=127.0.0.1:6379" eventually',
          '127.0.0.1:6379> ROLE',
          '1) "master"',
          '...',
          '127.0.0.1:6379> REPLICAOF 10.0.0.11 6379',
          'OK',
          '127.0.0.1:6379> ROLE',
          '1) "slave"',
          '2) "10.0.0.11"',
          '3) (integer) 6379',
          '4) "connected"',
          '...',
        ),
        fence(
          'topology="replica" nodes="primary=10.0.1.15:6379 replica=127.0.0.1:6379" down="primary" eventually',
          '127.0.0.1:6379> INFO replication',
          '# Replication',
          'role:slave',
          'master_host:10.0.1.15',
          'master_port:6379',
          'master_link_status:down',
          '...',
        ),
      ].join('\n');
      expect(lines(await run(text))).toEqual([]);
    },
    SLOW,
  );

  it(
    'starts a Sentinel group of three and sees a failover through',
    async () => {
      const text = [
        fence(
          'topology="sentinel" nodes="primary=10.0.0.11:6379 replica1=10.0.0.12:6379"',
          '127.0.0.1:26379> SENTINEL GET-MASTER-ADDR-BY-NAME mymaster',
          '1) "10.0.0.11"',
          '2) "6379"',
          '127.0.0.1:26381> SENTINEL CKQUORUM mymaster',
          'OK 3 usable Sentinels. Quorum and failover authorization can be reached',
          '127.0.0.1:26380> SENTINEL FAILOVER mymaster',
          'OK',
        ),
        fence('continue eventually', '127.0.0.1:26379> SENTINEL GET-MASTER-ADDR-BY-NAME mymaster', '1) "10.0.0.12"', '2) "6379"'),
      ].join('\n');
      const report = await run(text);
      expect(lines(report)).toEqual([]);
      expect(report.ranOn).toEqual([{ label: `${version} sentinel`, blocks: 2, commands: 4 }]);
    },
    SLOW,
  );

  it(
    'starts a cluster of three primaries with a replica each, redirects by slot and fails over',
    async () => {
      const text = [
        fence(
          'topology="cluster"',
          '127.0.0.1:6379> CLUSTER KEYSLOT user:42',
          '(integer) 15880',
          '127.0.0.1:6379> GET user:42',
          '(error) MOVED 15880 127.0.0.1:6381',
          '127.0.0.1:6381> SET user:42 ada',
          'OK',
          '127.0.0.1:6379> MSET user:42 a user:43 b',
          "(error) CROSSSLOT Keys in request don't hash to the same slot",
        ),
        fence(
          'topology="cluster" eventually vary="(?<=^2\\) \\(integer\\) )\\d+$"',
          '127.0.0.1:6383> CLUSTER FAILOVER',
          'OK',
          '127.0.0.1:6383> ROLE',
          '1) "master"',
          '2) (integer) 0',
          '...',
        ),
      ].join('\n');
      const report = await run(text);
      expect(lines(report)).toEqual([]);
      expect(report.ranOn).toEqual([{ label: `${version} cluster`, blocks: 2, commands: 6 }]);
    },
    SLOW,
  );

  it(
    'gives server="…" a fresh server with those directives, and replaces a shared server a block reconfigured',
    async () => {
      const text = [
        fence(
          'server="requirepass s3cret; maxmemory 4gb"',
          '127.0.0.1:6379> GET k',
          '(error) NOAUTH Authentication required.',
          '127.0.0.1:6379> AUTH s3cret',
          'OK',
          '127.0.0.1:6379> CONFIG GET maxmemory',
          '1) "maxmemory"',
          '2) "4294967296"',
          '127.0.0.1:6379> CONFIG REWRITE',
          'OK',
        ),
        fence('', '127.0.0.1:6379> CONFIG SET maxmemory-policy allkeys-lru', 'OK'),
        fence('', '127.0.0.1:6379> CONFIG GET maxmemory-policy', '1) "maxmemory-policy"', '2) "noeviction"', '127.0.0.1:6379> CONFIG GET requirepass', '1) "requirepass"', '2) ""'),
      ].join('\n');
      const report = await run(text);
      expect(lines(report)).toEqual([]);
      expect(sessionSummary(report)).toBe(`1 block ran on ${version} own server, 2 on ${version} (7 commands)`);
    },
    SLOW,
  );

  describe('choosing the version', () => {
    let dir: string;
    // Wrappers that report another version but run the real server, so two "versions" are available anywhere.
    const wrapper = (name: string, reported: string) => {
      const path = join(dir, name);
      writeFileSync(path, `#!/bin/sh\nif [ "$1" = --version ]; then echo "Redis server v=${reported} sha=00000000:0 malloc=libc bits=64 build=0"; exit 0; fi\nexec "${redis.server.path}" "$@"\n`, { mode: 0o755 });
      return { path, version: reported, from: 'REDIS_SERVERS' };
    };
    let catalog: RedisBinary[];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'verify-versions-test-'));
      catalog = [wrapper('old', '7.9.1'), wrapper('new', '8.9.0')];
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const lesson = ['---', 'redisVersion: "7.9"', '---', '', fence('', '127.0.0.1:6379> PING', 'PONG'), fence('redis="8.2"', '127.0.0.1:6379> PING', 'PONG'), fence('redis="9.0"', '127.0.0.1:6379> PING', 'PONG'), fence('continue', '127.0.0.1:6379> PING', 'PONG')].join('\n');
    const verify = (options: Partial<RunOptions>) => verifyText('v.mdx', lesson, { servers: catalog, frontmatter: { redisVersion: '7.9' }, ...options });

    it(
      'runs each block on the lowest version that meets the lesson and the block, and skips those none meets with the fix',
      async () => {
        const report = await verify({});
        expect(sessionSummary(report)).toBe(
          '1 block ran on 7.9.1, 1 on 8.9.0 (2 commands), 2 skipped (needs Redis 9.0, available: 7.9.1, 8.9.0; set REDIS_SERVERS=7.2=/path/to/redis-server,7.4=/path/to/other/redis-server)',
        );
        expect(report.problems).toEqual([]);
      },
      SLOW,
    );

    it(
      'fails them under CI=true, once per version',
      async () => {
        expect(lines(await verify({ required: true }))).toEqual([
          'v.mdx:15:1 error redis/server needs Redis 9.0, available: 7.9.1, 8.9.0; set REDIS_SERVERS=7.2=/path/to/redis-server,7.4=/path/to/other/redis-server (2 blocks, this one first; CI=true, so every block must run)',
        ]);
      },
      SLOW,
    );
  });
});

describe('cluster slots', () => {
  it.each([
    [3, [[0, 5460], [5461, 10922], [10923, 16383]]],
    [1, [[0, 16383]]],
  ])('deals %i primaries the ranges redis-cli --cluster create gives them', (primaries, ranges) => {
    expect(slotRanges(primaries)).toEqual(ranges);
  });
});
