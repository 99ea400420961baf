import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findServers, noServerReason, parseServerList, pickServer, type RedisBinary } from '../../../../src/packs/redis/verify/servers';

const binary = (version: string, from = 'REDIS_SERVERS'): RedisBinary => ({ path: `/opt/redis-${version}/redis-server`, version, from });

describe('choosing the server for a block', () => {
  const servers = [binary('7.0.15', 'PATH'), binary('7.4.1'), binary('7.2.6')];
  it.each([
    ['the default server when nothing is required', undefined, '7.0.15'],
    ['the lowest version at least the one required', '7.2', '7.2.6'],
    ['a newer one for a newer requirement', '7.4', '7.4.1'],
    ['an exact patch level', '7.2.6', '7.2.6'],
    ['none when nothing is new enough', '8.0', undefined],
  ])('picks %s', (_name, required, version) => {
    expect(pickServer(servers, required)?.version).toBe(version);
  });

  it('says what is available and how to add a server', () => {
    expect(noServerReason(servers, '8.0')).toBe('needs Redis 8.0, available: 7.0.15, 7.2.6, 7.4.1; set REDIS_SERVERS=7.2=/path/to/redis-server,7.4=/path/to/other/redis-server');
  });
});

describe('REDIS_SERVERS', () => {
  it('reads version=path entries, spaces and a trailing comma allowed', () => {
    expect(parseServerList(' 7.2=/a/redis-server , 7.4=/b/redis-server,')).toEqual({
      entries: [
        { label: '7.2', path: '/a/redis-server' },
        { label: '7.4', path: '/b/redis-server' },
      ],
      problems: [],
    });
  });

  it('names an entry that is not version=path', () => {
    expect(parseServerList('/a/redis-server').problems).toEqual(['REDIS_SERVERS: "/a/redis-server" is not version=path; set REDIS_SERVERS=7.2=/path/to/redis-server,7.4=/path/to/other/redis-server']);
  });

  describe('with binaries that report their version', () => {
    let dir: string;
    // Stand-ins: only `--version` is asked here.
    const fake = (name: string, version: string) => {
      const path = join(dir, name);
      writeFileSync(path, `#!/bin/sh\necho "Redis server v=${version} sha=00000000:0 malloc=libc bits=64 build=0"\n`, { mode: 0o755 });
      return path;
    };
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'verify-servers-test-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('asks each binary its version, the default server first', () => {
      const path = fake('redis-server', '7.0.15');
      const newer = fake('redis-74', '7.4.1');
      expect(findServers({ redisServer: undefined, redisServers: `7.4=${newer}`, path: dir })).toEqual({
        binaries: [
          { path, version: '7.0.15', from: 'PATH' },
          { path: newer, version: '7.4.1', from: 'REDIS_SERVERS' },
        ],
        problems: [],
      });
    });

    it('names an entry that does not run or whose label is not its version', () => {
      const mislabelled = fake('redis-72', '7.2.6');
      const found = findServers({ redisServer: fake('default', '7.2.6'), redisServers: `7.4=${mislabelled},7.4=${join(dir, 'missing')}`, path: '' });
      expect(found.problems).toEqual([
        `REDIS_SERVERS: 7.4=${mislabelled} is Redis 7.2.6; label it 7.2 (it is used as 7.2.6)`,
        `REDIS_SERVERS: 7.4=${join(dir, 'missing')} is not an executable redis-server; fix the path or remove the entry`,
      ]);
      expect(found.binaries.map((found) => `${found.from} ${found.version}`)).toEqual(['REDIS_SERVER 7.2.6', 'REDIS_SERVERS 7.2.6']);
    });
  });
});
