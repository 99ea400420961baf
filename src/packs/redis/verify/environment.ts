/**
 * The servers a chain of blocks runs on: one redis-server, or a topology (primary and replica, a Sentinel group of
 * three, a cluster of three primaries with a replica each), all on 127.0.0.1 at free ports, torn down afterwards.
 */
import { SENTINEL_MASTER_NAME, type Environment, type NodeSpec } from '../plan';
import { utf8, type Reply } from '../resp';
import type { MappedNode } from './addresses';
import type { RespConnection } from './connection';
import { RedisServer, ServerStartError } from './server';
import type { RedisBinary } from './servers';

const CLUSTER_SLOTS = 16384;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (reply: Reply): string => (reply.kind === 'bulk' && reply.value !== null ? utf8(reply.value) : reply.kind === 'status' || reply.kind === 'error' ? reply.text : '');
/** A line `name:value` of an INFO section. */
const infoField = (info: string, name: string) => new RegExp(`^${name}:(.*?)\\r?$`, 'm').exec(info)?.[1];

/** Settings every data node of a topology gets: replicas sync at once instead of after the 5 s diskless delay. */
const TOPOLOGY_DIRECTIVES = ['repl-diskless-sync-delay 0'];
/** The second Sentinel replica is less preferred, so a failover always promotes `replica1`, as a lesson can show. */
const LESS_PREFERRED = ['replica-priority 101'];
const READY_MS = 30_000;

/** A short name for reports: `7.2.6`, `7.2.6 own server`, `7.2.6 cluster`. */
export function environmentLabel(binary: RedisBinary, environment: Environment): string {
  const kind = environment.topology !== 'standalone' ? ` ${environment.topology}` : environment.directives !== undefined ? ' own server' : '';
  return `${binary.version}${kind}`;
}

/** Reuse key: chains with the same key can share servers while no block changed them. */
function environmentKey(binary: RedisBinary, environment: Environment): string {
  return JSON.stringify([binary.path, environment.topology, environment.directives ?? null, environment.attached]);
}

/** The password `requirepass` gives the default user, if the directives set one. */
function passwordOf(directives: readonly string[]): string | undefined {
  const line = [...directives].reverse().find((directive) => /^requirepass\s/i.test(directive));
  return line?.replace(/^requirepass\s+/i, '').replace(/^"(.*)"$/, '$1');
}

export class RunningEnvironment {
  /** True once a block changed something a reset does not undo, or a node stopped. */
  dirty = false;

  private constructor(
    readonly key: string,
    readonly label: string,
    private readonly servers: ReadonlyMap<string, RedisServer>,
    private readonly specs: readonly NodeSpec[],
  ) {}

  static async start(binary: RedisBinary, environment: Environment): Promise<RunningEnvironment> {
    const servers = new Map<string, RedisServer>();
    const running = new RunningEnvironment(environmentKey(binary, environment), environmentLabel(binary, environment), servers, environment.nodes);
    try {
      await startNodes(binary, environment, servers);
      for (const name of environment.down) await servers.get(name)?.stop();
      running.dirty = environment.down.length > 0;
      return running;
    } catch (error) {
      await running.stop();
      throw error;
    }
  }

  /** The nodes as the lesson shows them and as they run, to rewrite addresses in commands and replies. */
  get addresses(): MappedNode[] {
    return this.specs.flatMap((spec) => {
      const server = this.servers.get(spec.name);
      if (!server) return [];
      return [{ host: spec.host, port: spec.port, realPort: server.port, ...(server.busPort === undefined ? {} : { realBusPort: server.busPort }) }];
    });
  }

  /** Every node still runs, except those the chain stopped on purpose. */
  get healthy(): boolean {
    return !this.dirty && [...this.servers.values()].every((server) => server.running);
  }

  server(node: string): RedisServer {
    const server = this.servers.get(node);
    if (!server) throw new ServerStartError(`no node ${node} in this environment`);
    return server;
  }

  /** Empties every data node between chains: data, functions, scripts, the slowlog, latency events and statistics. */
  async reset(): Promise<void> {
    for (const spec of this.specs) {
      if (spec.role === 'sentinel') continue;
      await this.server(spec.name).empty(spec.role === 'primary');
    }
    // Replicas must have applied the FLUSHALL before a block reads them.
    for (const spec of this.specs) {
      const replicas = this.specs.filter((other) => other.of === spec.name).length;
      if (replicas > 0 && spec.role === 'primary') await this.server(spec.name).admin((connection) => connection.command(['WAIT', String(replicas), '5000'], 10_000));
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.servers.values()].map((server) => server.stop()));
  }
}

async function startNodes(binary: RedisBinary, environment: Environment, servers: Map<string, RedisServer>): Promise<void> {
  const own = environment.directives ?? [];
  const password = passwordOf(own);
  const auth = password === undefined ? [] : [`masterauth ${password}`];
  const start = async (spec: NodeSpec, extra: string[] = []) => {
    const cluster = environment.topology === 'cluster';
    const directives = environment.topology === 'standalone' ? own : [...TOPOLOGY_DIRECTIVES, ...own, ...auth, ...extra];
    servers.set(spec.name, await RedisServer.start(binary.path, { directives, cluster, ...(password === undefined ? {} : { password }) }));
  };
  const data = environment.nodes.filter((spec) => spec.role !== 'sentinel');
  const primaries = data.filter((spec) => spec.role === 'primary');
  const replicas = data.filter((spec) => spec.role === 'replica');
  for (const spec of primaries) await start(spec);
  if (environment.topology === 'cluster') {
    for (const spec of replicas) await start(spec);
    await formCluster(environment.nodes, servers);
    return;
  }
  for (const spec of replicas) {
    const primary = servers.get(spec.of ?? '');
    const follow = environment.attached && primary ? [`replicaof 127.0.0.1 ${primary.port}`] : [];
    await start(spec, [...follow, ...(spec.name === 'replica2' ? LESS_PREFERRED : [])]);
  }
  if (environment.attached) for (const spec of replicas) await until(`${spec.name} in sync with its primary`, () => linkUp(servers.get(spec.name)));
  if (environment.topology !== 'sentinel') return;
  const primary = servers.get(primaries[0]?.name ?? '');
  if (!primary) return;
  const sentinels = environment.nodes.filter((spec) => spec.role === 'sentinel');
  for (const spec of sentinels) {
    const monitor = [
      `sentinel monitor ${SENTINEL_MASTER_NAME} 127.0.0.1 ${primary.port} 2`,
      `sentinel down-after-milliseconds ${SENTINEL_MASTER_NAME} 5000`,
      `sentinel failover-timeout ${SENTINEL_MASTER_NAME} 60000`,
      ...(password === undefined ? [] : [`sentinel auth-pass ${SENTINEL_MASTER_NAME} ${password}`]),
    ];
    servers.set(spec.name, await RedisServer.start(binary.path, { sentinel: true, directives: monitor }));
  }
  for (const spec of sentinels) {
    await until(`${spec.name} sees the other Sentinels and both replicas`, () => sentinelReady(servers.get(spec.name), sentinels.length - 1, replicas.length));
  }
}

/** Slot ranges as `redis-cli --cluster create` deals them: 0-5460, 5461-10922, 10923-16383 for three primaries. */
export function slotRanges(primaries: number): [number, number][] {
  const share = CLUSTER_SLOTS / primaries;
  const ranges: [number, number][] = [];
  let first = 0;
  for (let k = 0; k < primaries; k++) {
    const last = k === primaries - 1 ? CLUSTER_SLOTS - 1 : Math.max(first, Math.round(k * share + share - 1));
    ranges.push([first, last]);
    first = last + 1;
  }
  return ranges;
}

/** Three primaries with a third of the slots each, met and joined by their replicas, every node agreeing. */
async function formCluster(nodes: readonly NodeSpec[], servers: ReadonlyMap<string, RedisServer>): Promise<void> {
  const primaries = nodes.filter((spec) => spec.role === 'primary');
  const get = (name: string) => {
    const server = servers.get(name);
    if (!server) throw new ServerStartError(`cluster node ${name} did not start`);
    return server;
  };
  const run = (name: string, args: string[]) =>
    get(name).admin(async (connection) => {
      const reply = await connection.command(args, 5000);
      if (reply.kind === 'error') throw new ServerStartError(`${args.join(' ')} on ${name}: ${reply.text}`);
      return text(reply);
    });
  for (const [k, range] of slotRanges(primaries.length).entries()) {
    await run(primaries[k]?.name ?? '', ['CLUSTER', 'ADDSLOTSRANGE', String(range[0]), String(range[1])]);
  }
  const first = get(nodes[0]?.name ?? '');
  for (const spec of nodes.slice(1)) await run(spec.name, ['CLUSTER', 'MEET', '127.0.0.1', String(first.port), String(first.busPort)]);
  await until('every cluster node knows the others', () => everyNode(nodes, servers, (info) => infoField(info, 'cluster_known_nodes') === String(nodes.length), ['CLUSTER', 'INFO']));
  for (const spec of nodes.filter((node) => node.role === 'replica')) {
    await run(spec.name, ['CLUSTER', 'REPLICATE', await run(spec.of ?? '', ['CLUSTER', 'MYID'])]);
  }
  const replicas = nodes.length - primaries.length;
  // A replica can only win a failover election once every primary sees it as a replica.
  await until('every cluster node sees the replicas', () => everyNode(nodes, servers, (list) => list.split('\n').filter((line) => / (?:myself,)?slave /.test(line)).length === replicas, ['CLUSTER', 'NODES']));
  await until('the cluster is ok', () => everyNode(nodes, servers, (info) => infoField(info, 'cluster_state') === 'ok', ['CLUSTER', 'INFO']));
  for (const spec of nodes.filter((node) => node.role === 'replica')) await until(`${spec.name} in sync with its primary`, () => linkUp(servers.get(spec.name)));
}

async function everyNode(nodes: readonly NodeSpec[], servers: ReadonlyMap<string, RedisServer>, check: (reply: string) => boolean, command: string[]): Promise<boolean> {
  for (const spec of nodes) {
    const server = servers.get(spec.name);
    if (!server) return false;
    const reply = await server.admin((connection) => connection.command(command, 5000));
    if (!check(text(reply))) return false;
  }
  return true;
}

async function linkUp(server: RedisServer | undefined): Promise<boolean> {
  if (!server) return false;
  const info = text(await server.admin((connection) => connection.command(['INFO', 'replication'], 5000)));
  return infoField(info, 'master_link_status') === 'up';
}

async function sentinelReady(server: RedisServer | undefined, others: number, replicas: number): Promise<boolean> {
  if (!server) return false;
  return server.admin(async (connection: RespConnection) => {
    const master = await connection.command(['SENTINEL', 'MASTER', SENTINEL_MASTER_NAME], 5000);
    const fields = new Map<string, string>();
    if (master.kind === 'array' && master.items) {
      for (let k = 0; k + 1 < master.items.length; k += 2) fields.set(text(master.items[k] ?? { kind: 'null' }), text(master.items[k + 1] ?? { kind: 'null' }));
    }
    if (fields.get('num-other-sentinels') !== String(others) || fields.get('num-slaves') !== String(replicas) || fields.get('flags') !== 'master') return false;
    const quorum = await connection.command(['SENTINEL', 'CKQUORUM', SENTINEL_MASTER_NAME], 5000);
    return quorum.kind === 'status';
  });
}

/** Polls `ready` until it holds; a topology that never gets there is a start failure that says what it waited for. */
async function until(what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_MS;
  while (Date.now() < deadline) {
    if (await ready()) return;
    await sleep(50);
  }
  throw new ServerStartError(`gave up after ${READY_MS / 1000} s waiting for ${what}`);
}

/** Servers for the chains of one lesson: a chain reuses servers an earlier chain left clean, else gets new ones. */
export class EnvironmentPool {
  private readonly idle: RunningEnvironment[] = [];
  private readonly busy = new Set<RunningEnvironment>();

  async acquire(binary: RedisBinary, environment: Environment): Promise<RunningEnvironment> {
    const key = environmentKey(binary, environment);
    const reuse = environment.down.length === 0 ? this.idle.findIndex((running) => running.key === key) : -1;
    if (reuse !== -1) {
      const [running] = this.idle.splice(reuse, 1);
      if (running) {
        this.busy.add(running);
        await running.reset();
        return running;
      }
    }
    const running = await RunningEnvironment.start(binary, environment);
    this.busy.add(running);
    return running;
  }

  /** Keeps the servers for a later chain when they are as a reset can restore them, else stops them. */
  async release(running: RunningEnvironment): Promise<void> {
    this.busy.delete(running);
    if (running.healthy) this.idle.push(running);
    else await running.stop();
  }

  async close(): Promise<void> {
    const all = [...this.idle.splice(0), ...this.busy];
    this.busy.clear();
    await Promise.all(all.map((running) => running.stop()));
  }
}
