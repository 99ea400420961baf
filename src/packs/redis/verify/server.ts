/** Starts and stops throwaway redis-server processes on 127.0.0.1 for checking lessons, each in a folder of its own. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { Settings } from '../../../env';
import { freePort } from '../../../free-port';
import { utf8 } from '../resp';
import { RespConnection } from './connection';

export const INSTALL_HINT =
  'redis-server not found: install it (`apt-get install redis-server`, or `brew install redis`) or set REDIS_SERVER=/path/to/redis-server';

/** What to tell the user when findRedisServer finds nothing, naming a REDIS_SERVER that points nowhere. */
export function missingServerHint(settings: Pick<Settings, 'redisServer'>): string {
  const configured = settings.redisServer;
  if (configured === undefined) return INSTALL_HINT;
  return `REDIS_SERVER=${configured} is not an executable redis-server: fix the path, or unset it and install redis-server (\`apt-get install redis-server\`)`;
}

const FALLBACKS = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, settings: Pick<Settings, 'path'>): string | undefined {
  for (const dir of settings.path.split(delimiter)) {
    if (dir !== '' && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** REDIS_SERVER if set, else redis-server on PATH, else the usual install locations; undefined when none runs. */
export function findRedisServer(settings: Pick<Settings, 'redisServer' | 'path'>): string | undefined {
  const configured = settings.redisServer;
  if (configured !== undefined) return isExecutable(configured) ? configured : undefined;
  return onPath('redis-server', settings) ?? FALLBACKS.find(isExecutable);
}

/** redis-cli next to the server, else on PATH: the tests compare the formatter with it. */
export function findRedisCli(serverPath: string, settings: Pick<Settings, 'path'>): string | undefined {
  const sibling = join(dirname(serverPath), 'redis-cli');
  return isExecutable(sibling) ? sibling : onPath('redis-cli', settings);
}

/** redis-server did not start or did not answer: the message says what it printed. */
export class ServerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerStartError';
  }
}

// Every child still running and its data directory, so an interrupted run leaves nothing behind.
const live = new Map<ChildProcess, string>();
const killAll = () => {
  for (const [child, dir] of live) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
};
const onSignal = (signal: NodeJS.Signals) => {
  killAll();
  process.exit(signal === 'SIGINT' ? 130 : 143);
};

function track(child: ChildProcess, dir: string): void {
  if (live.size === 0) {
    process.on('exit', killAll);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  live.set(child, dir);
  child.once('exit', () => {
    live.delete(child);
    if (live.size === 0) {
      process.off('exit', killAll);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}


const VERSION_LINE = /\bv=(\d+\.\d+\.\d+)\b/;
const versions = new Map<string, string | undefined>();

/** The version a binary reports with `--version`; undefined when it is not a redis-server that runs here. */
export function redisVersionOf(path: string): string | undefined {
  if (!versions.has(path)) {
    const run = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 5000 });
    versions.set(path, run.status === 0 ? VERSION_LINE.exec(run.stdout)?.[1] : undefined);
  }
  return versions.get(path);
}

export interface StartOptions {
  /** redis.conf lines after the verifier's own (port, bind, dir, no persistence); later lines win. */
  directives?: readonly string[];
  /** Run as Sentinel; `directives` then holds its `sentinel monitor …` lines. */
  sentinel?: boolean;
  /** A cluster node: `cluster-enabled yes` and a bus port of its own. */
  cluster?: boolean;
  /** The default user's password, when the directives set `requirepass`. */
  password?: string;
  /** How long to wait for the first PONG. */
  startTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How often `holds` asks the server whether it holds a command. */
const POLL_MS = 20;

/** One redis-server process listening on 127.0.0.1 only, started from a redis.conf in its own folder. */
export class RedisServer {
  private exited = false;

  private constructor(
    readonly path: string,
    readonly port: number,
    readonly busPort: number | undefined,
    readonly version: string,
    private readonly password: string | undefined,
    private readonly child: ChildProcess,
    dir: string,
    private readonly output: () => string,
  ) {
    child.once('exit', () => {
      this.exited = true;
      rmSync(dir, { recursive: true, force: true });
    });
  }

  static async start(path: string, options: StartOptions = {}): Promise<RedisServer> {
    let lastError: Error | undefined;
    // A freshly probed port can be taken before redis-server binds it, so try a few.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await RedisServer.startOnce(path, await freePort(), options.cluster ? await freePort() : undefined, options);
      } catch (error) {
        lastError = error instanceof ServerStartError ? error : new ServerStartError(error instanceof Error ? error.message : String(error));
        if (!/Address already in use/i.test(lastError.message)) break;
      }
    }
    throw lastError ?? new ServerStartError(`could not start ${path}`);
  }

  private static async startOnce(path: string, port: number, busPort: number | undefined, options: StartOptions): Promise<RedisServer> {
    const { startTimeoutMs = 10_000 } = options;
    // Its own folder, so SAVE, BGSAVE, AOF and CONFIG REWRITE write there and never into the project.
    const dir = mkdtempSync(join(tmpdir(), 'verify-snippets-redis-'));
    const conf = join(dir, options.sentinel ? 'sentinel.conf' : 'redis.conf');
    const own = [`port ${port}`, 'bind 127.0.0.1', `dir ${dir}`, 'daemonize no'];
    if (!options.sentinel) own.push('save ""', 'appendonly no');
    if (busPort !== undefined) own.push('cluster-enabled yes', `cluster-port ${busPort}`, 'cluster-config-file nodes.conf');
    writeFileSync(conf, [...own, ...(options.directives ?? [])].join('\n') + '\n');
    const args = options.sentinel ? [conf, '--sentinel'] : [conf];
    const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    track(child, dir);
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let exit: string | undefined;
    child.once('error', (error) => (exit = error.message));
    child.once('exit', (code, signal) => (exit ??= `exited with ${signal ?? `code ${code}`}`));

    const deadline = Date.now() + startTimeoutMs;
    while (Date.now() < deadline && exit === undefined) {
      if (await answers(port)) {
        const version = redisVersionOf(path) ?? 'unknown';
        return new RedisServer(path, port, busPort, version, options.password, child, dir, () => log);
      }
      await sleep(25);
    }
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    const why = exit ?? `did not answer PING within ${startTimeoutMs / 1000} s`;
    throw new ServerStartError(`${path} ${args.join(' ')}: ${why}\n${log.trim()}`);
  }

  get running(): boolean {
    return !this.exited;
  }

  /** The last lines redis-server printed, to explain a crash. */
  get log(): string {
    return this.output();
  }

  /** A connection as a reader's redis-cli opens it: not logged in. */
  connect(): Promise<RespConnection> {
    return RespConnection.connect({ port: this.port });
  }

  /** Runs commands on a connection of the verifier's own, logged in when the server has a password. */
  async admin<T>(use: (connection: RespConnection) => Promise<T>): Promise<T> {
    const connection = await this.connect();
    try {
      if (this.password !== undefined) await connection.command(['AUTH', this.password], 5000);
      return await use(connection);
    } finally {
      connection.close();
    }
  }

  /** True once this server holds the command `reply` waits for on `connection`: the client is blocked, or a script keeps the server busy; false when the reply came first. */
  async holds(connection: RespConnection, reply: Promise<unknown>, timeoutMs: number): Promise<boolean> {
    let answered = false;
    const done = reply.then(
      () => (answered = true),
      () => (answered = true),
    );
    const port = connection.localPort;
    for (;;) {
      await Promise.race([done, sleep(POLL_MS)]);
      if (answered) return false;
      const list = this.admin((admin) => admin.command(['CLIENT', 'LIST'], timeoutMs)).catch(() => undefined);
      const seen = await Promise.race([list, done.then(() => undefined)]);
      if (answered || seen === undefined) return false;
      if (seen.kind === 'error') return seen.text.startsWith('BUSY');
      const line = utf8(seen.kind === 'bulk' && seen.value ? seen.value : new Uint8Array()).split('\n').find((entry) => entry.includes(` addr=127.0.0.1:${port} `));
      if (line && /\bflags=\S*b/.test(line)) return true;
    }
  }

  /**
   * Empties it between chains of blocks: scripts, the slowlog, latency events and statistics, and on a server that
   * takes writes (`writable`, not a replica) its data and functions.
   */
  async empty(writable = true): Promise<void> {
    const commands = writable ? [['FLUSHALL'], ['FUNCTION', 'FLUSH']] : [];
    commands.push(['SCRIPT', 'FLUSH'], ['SLOWLOG', 'RESET'], ['LATENCY', 'RESET'], ['CONFIG', 'RESETSTAT']);
    await this.admin(async (connection) => {
      for (const command of commands) {
        const reply = await connection.command(command, 5000);
        if (reply.kind === 'error') throw new ServerStartError(`${command.join(' ')} failed: ${reply.text}`);
      }
    });
  }

  /** SIGTERM, then SIGKILL if it has not exited within two seconds. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}

/** True once the server answers PING, or refuses it only for want of a password. */
async function answers(port: number): Promise<boolean> {
  let connection: RespConnection | undefined;
  try {
    connection = await RespConnection.connect({ port, connectTimeoutMs: 500 });
    const pong = await connection.command(['PING'], 1000);
    return (pong.kind === 'status' && pong.text === 'PONG') || (pong.kind === 'error' && pong.text.startsWith('NOAUTH'));
  } catch {
    return false;
  } finally {
    connection?.close();
  }
}
