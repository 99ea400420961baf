/** Vitest helpers for suites that need a real redis-server: skipped with a notice locally, required in CI. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { settings } from '../../src/env';
import { ENGINE_REDIS_VERSION } from '../../src/packs/redis/runnable';
import { findRedisCli, findRedisServer, INSTALL_HINT, missingServerHint, RedisServer } from '../../src/packs/redis/verify/server';
import { findServers } from '../../src/packs/redis/verify/servers';

/** The redis-server the suites would start, or undefined when none is installed. */
export function redisServerPath(): string | undefined {
  return findRedisServer(settings);
}

/** redis-cli next to that server, for comparing output with the real client. */
export function redisCliPath(): string | undefined {
  const server = redisServerPath();
  return server === undefined ? undefined : findRedisCli(server, settings);
}

export interface RedisHandle {
  /** The running server; only valid inside tests and hooks. */
  readonly server: RedisServer;
  readonly port: number;
}

/** A describe block with one fresh redis-server for all its tests, stopped afterwards. */
export function describeWithRedis(name: string, fn: (redis: RedisHandle) => void): void {
  const path = redisServerPath();
  if (path === undefined) {
    if (settings.ci) {
      describe(name, () => {
        it('needs redis-server', () => {
          throw new Error(`${missingServerHint(settings)} (CI=true, so these tests may not be skipped)`);
        });
      });
      return;
    }
    console.warn(`Skipping "${name}": ${missingServerHint(settings)}`);
    describe.skip(name, () => fn(unavailable));
    return;
  }
  describe(name, () => {
    let server: RedisServer | undefined;
    beforeAll(async () => {
      server = await RedisServer.start(path);
    });
    afterAll(async () => {
      await server?.stop();
    });
    const running = () => {
      if (!server) throw new Error('redis-server is not running yet: use it inside a test or hook');
      return server;
    };
    fn({
      get server() {
        return running();
      },
      get port() {
        return running().port;
      },
    });
  });
}

// Handed to skipped suites, whose tests never run.
const unavailable: RedisHandle = {
  get server(): RedisServer {
    throw new Error(INSTALL_HINT);
  },
  get port(): number {
    throw new Error(INSTALL_HINT);
  },
};

/** A native redis-server of the in-browser engine's version, as the verifier finds servers, or why there is none. */
export function engineVersionServer(): { path: string } | { path: undefined; problem: string } {
  const binary = findServers(settings).binaries.find((b) => b.version === ENGINE_REDIS_VERSION);
  return binary ? { path: binary.path } : { path: undefined, problem: `no redis-server ${ENGINE_REDIS_VERSION} found; set REDIS_SERVERS=7.2=/path/to/redis-server (or REDIS_SERVER)` };
}
