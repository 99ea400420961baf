/**
 * What a ```redis-cli block needs in order to run, read from its fence and the lesson's frontmatter: the Redis
 * version, a server of its own and its directives, a topology and its nodes, which client types each line, and how
 * replies are compared. Pure and browser-safe: the verifier runs plans on real servers; the playground reads them to
 * decide which blocks it can run.
 */
import type { Fence } from '../../course/lesson-source';
import { ArgsError, splitArgsText } from './args';
import { toSessionBlock, type SessionStep } from './session';

export type Topology = 'standalone' | 'replica' | 'sentinel' | 'cluster';

/** One server of a topology, with the address the lesson shows for it. */
export interface NodeSpec {
  /** Name used in `nodes="…"` and `down="…"`, e.g. `replica1`. */
  name: string;
  role: 'primary' | 'replica' | 'sentinel';
  /** The primary a replica follows. */
  of?: string;
  host: string;
  port: number;
}

const node = (name: string, role: NodeSpec['role'], port: number, of?: string): NodeSpec => ({ name, role, host: '127.0.0.1', port, ...(of === undefined ? {} : { of }) });

/** The servers each topology starts and the addresses a lesson shows for them unless `nodes="…"` renames them. */
export const TOPOLOGY_NODES: Readonly<Record<Topology, readonly NodeSpec[]>> = {
  standalone: [node('server', 'primary', 6379)],
  replica: [node('primary', 'primary', 6379), node('replica', 'replica', 6380, 'primary')],
  sentinel: [
    node('primary', 'primary', 6379),
    node('replica1', 'replica', 6380, 'primary'),
    node('replica2', 'replica', 6381, 'primary'),
    node('sentinel1', 'sentinel', 26379),
    node('sentinel2', 'sentinel', 26380),
    node('sentinel3', 'sentinel', 26381),
  ],
  cluster: [
    node('primary1', 'primary', 6379),
    node('primary2', 'primary', 6380),
    node('primary3', 'primary', 6381),
    node('replica1', 'replica', 6382, 'primary1'),
    node('replica2', 'replica', 6383, 'primary2'),
    node('replica3', 'replica', 6384, 'primary3'),
  ],
};

/** The name Sentinel monitors the primary under. */
export const SENTINEL_MASTER_NAME = 'mymaster';

/** What a `continue` chain of blocks runs on; every block of the chain shares one object. */
export interface Environment {
  /** Lowest Redis version: the highest of the lesson's `redisVersion` and the chain's `redis="…"`; undefined for any. */
  version: string | undefined;
  topology: Topology;
  /** `server="…"`: servers of the chain's own, started with these redis.conf lines; undefined shares the lesson's. */
  directives: string[] | undefined;
  nodes: NodeSpec[];
  /** `down="…"`: nodes stopped before the chain runs. */
  down: string[];
  /** False when the chain attaches the replica itself with REPLICAOF, so it starts as a plain server. */
  attached: boolean;
}

/** How a command behaves in a session. */
export type StepKind =
  /** Answers at once. */
  | 'once'
  /** May wait for another client (BLPOP, XREAD BLOCK, WAIT, …). */
  | 'block'
  /** Turns the client into a listener: SUBSCRIBE and MONITOR, whose messages follow the first reply. */
  | 'listen';

export interface PlannedStep extends SessionStep {
  /** Who types it: a `# client …` line above it, else the fence's `client="…"`, else '' (the one terminal). */
  client: string;
  /** Name of the node its prompt addresses (`server` outside a topology). */
  node: string;
  /** Database the prompt shows, `[1]` → 1. */
  db: number;
  /** Its arguments as text; undefined when redis-cli would refuse the line (a problem says why). */
  words: string[] | undefined;
  kind: StepKind;
  /** Re-sent until its reply matches, when the block is marked `eventually`. */
  retries: boolean;
}

export interface PlanProblem {
  line: number;
  message: string;
}

export interface BlockPlan {
  /** File line of the opening fence. */
  line: number;
  /** Line of the first block of its `continue` chain; its own line when it starts one. */
  chain: number;
  continue: boolean;
  environment: Environment;
  steps: PlannedStep[];
  /** Clients that type in the block, in order of first use; [''] for a plain one-terminal session. */
  clients: string[];
  vary: RegExp | undefined;
  /** `eventually`: how long status commands may take to show what the lesson shows, in ms. */
  eventuallyMs: number | undefined;
  /** `skip="reason"`: the block is not run. */
  skip: string | undefined;
  /** A command leaves the server changed for later blocks (CONFIG SET, ACL SETUSER, a failover, …). */
  changesServer: boolean;
  /** Mistakes in the meta or the transcript; a block with one is not run. */
  problems: PlanProblem[];
}

const VERSION = /^\d+(?:\.\d+){0,2}$/;
const PROMPT_ADDRESS = /^(.*):(\d+)(?:\[(\d+)\])?(?:\(TX\))?>$/;
const DIRECTIVE = /^([a-z][a-z0-9-]*)(?:\s+\S.*)?$/i;
const NODE_ADDRESS = /^([\w-]+)=([^\s:=]+):(\d{1,5})$/;
const SECONDS = /^(\d+(?:\.\d+)?)s$/;
/** How long `eventually` waits when it names no time. */
export const EVENTUALLY_MS = 10_000;
const NO_PROMPT = 'no `127.0.0.1:6379>` prompt lines: write the session as redis-cli prints it, or mark the block skip="why it cannot run"';
const TOPOLOGIES = ['replica', 'sentinel', 'cluster'] as const;
/** Directives the verifier sets itself: where a server listens and keeps files, and what it replicates. */
const OWNED_DIRECTIVES = new Set(['port', 'bind', 'dir', 'daemonize', 'include', 'logfile', 'pidfile', 'unixsocket', 'replicaof', 'slaveof', 'cluster-enabled', 'cluster-port', 'cluster-config-file']);

const LISTENS = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'MONITOR']);
const BLOCKS = new Set(['BLPOP', 'BRPOP', 'BLMOVE', 'BRPOPLPUSH', 'BLMPOP', 'BZPOPMIN', 'BZPOPMAX', 'BZMPOP', 'WAIT', 'WAITAOF']);
/** Commands that only read what the server reports, so `eventually` may send them again. */
const OBSERVES = new Set(['INFO', 'ROLE', 'LASTSAVE', 'DBSIZE', 'GET', 'MGET', 'EXISTS', 'KEYS', 'CONFIG GET', 'CLUSTER INFO', 'CLUSTER NODES', 'CLUSTER SHARDS', 'CLUSTER SLOTS', 'SENTINEL GET-MASTER-ADDR-BY-NAME', 'SENTINEL MASTER', 'SENTINEL MASTERS', 'SENTINEL REPLICAS', 'SENTINEL SLAVES', 'SENTINEL SENTINELS', 'SENTINEL CKQUORUM']);
/** Commands whose effect outlives the block's data: the server is replaced before an unrelated block runs. */
const CHANGES = new Set(['CONFIG SET', 'CONFIG REWRITE', 'ACL SETUSER', 'ACL DELUSER', 'ACL LOAD', 'ACL SAVE', 'CLIENT PAUSE', 'DEBUG', 'MODULE', 'REPLICAOF', 'SLAVEOF', 'FAILOVER', 'SHUTDOWN', 'SAVE', 'BGSAVE', 'BGREWRITEAOF', 'SYNC', 'PSYNC']);
const CLUSTER_READS = new Set(['INFO', 'NODES', 'SHARDS', 'SLOTS', 'KEYSLOT', 'MYID', 'MYSHARDID', 'COUNTKEYSINSLOT', 'GETKEYSINSLOT', 'LINKS', 'REPLICAS', 'SLAVES', 'HELP']);
const SENTINEL_READS = new Set(['GET-MASTER-ADDR-BY-NAME', 'MASTER', 'MASTERS', 'REPLICAS', 'SLAVES', 'SENTINELS', 'CKQUORUM', 'INFO-CACHE', 'MYID', 'PENDING-SCRIPTS', 'HELP']);

/** Numeric comparison of dotted versions: compareVersions('7.4', '7.0.15') > 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let k = 0; k < Math.max(pa.length, pb.length); k++) {
    const diff = (pa[k] ?? 0) - (pb[k] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

const higher = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || compareVersions(a, b) >= 0 ? a : b);

/** `CONFIG SET` for `config set …`: the command and, for container commands, its subcommand. */
export function commandName(words: readonly string[]): { name: string; full: string } {
  const name = (words[0] ?? '').toUpperCase();
  const sub = (words[1] ?? '').toUpperCase();
  return { name, full: sub === '' ? name : `${name} ${sub}` };
}

export function stepKind(words: readonly string[]): StepKind {
  const { name } = commandName(words);
  if (LISTENS.has(name)) return 'listen';
  if (BLOCKS.has(name)) return 'block';
  if ((name === 'XREAD' || name === 'XREADGROUP') && words.some((word) => word.toUpperCase() === 'BLOCK')) return 'block';
  return 'once';
}

/** How many replies the server sends a 'listen' step at once: one confirmation per channel, MONITOR's OK. */
export function firstReplies(words: readonly string[]): number {
  return commandName(words).name === 'MONITOR' ? 1 : Math.max(1, words.length - 1);
}

/** How many replies a SUBSCRIBE or MONITOR shows, its first replies and the messages after them: arrays start with `1) `, MONITOR prints one line each. */
export function messagesShown(expected: readonly string[], name: string): number {
  const lines = expected.filter((line) => line.trim() !== '...' && !/^\(\d+\.\d+s\)$/.test(line.trim()));
  return name === 'MONITOR' ? lines.length : lines.filter((line) => line.startsWith('1) ')).length;
}

/** True for a command that only reads what the server reports (INFO, ROLE, SENTINEL GET-MASTER-ADDR-BY-NAME, …). */
export function observes(words: readonly string[]): boolean {
  const { name, full } = commandName(words);
  return OBSERVES.has(name) || OBSERVES.has(full);
}

/** True for a command whose effect a FLUSHALL does not undo (CONFIG SET, ACL SETUSER, BGSAVE, a failover, …). */
export function changesServer(words: readonly string[]): boolean {
  const { name, full } = commandName(words);
  const sub = (words[1] ?? '').toUpperCase();
  if (name === 'CLUSTER') return !CLUSTER_READS.has(sub);
  if (name === 'SENTINEL') return !(SENTINEL_READS.has(sub) || (sub === 'CONFIG' && (words[2] ?? '').toUpperCase() === 'GET'));
  return CHANGES.has(name) || CHANGES.has(full);
}

/** `REPLICAOF host port` (not `NO ONE`): the session attaches a replica itself. */
function attachesReplica(words: readonly string[]): boolean {
  const { name } = commandName(words);
  return (name === 'REPLICAOF' || name === 'SLAVEOF') && words.length === 3 && (words[1] ?? '').toUpperCase() !== 'NO';
}

/** `server="requirepass s3cret; maxmemory 4gb"` as redis.conf lines; problems name what the verifier owns. */
export function parseDirectives(text: string): { directives: string[]; problems: string[] } {
  const directives: string[] = [];
  const problems: string[] = [];
  for (const part of text.split(';')) {
    const line = part.trim();
    if (line === '') continue;
    const name = DIRECTIVE.exec(line)?.[1]?.toLowerCase();
    if (name === undefined) problems.push(`server="${text}": "${line}" is not a redis.conf directive; write it as name and value, e.g. server="maxmemory 4gb"`);
    else if (OWNED_DIRECTIVES.has(name)) problems.push(`server="${text}": the verifier sets ${name} itself; remove "${line}"${name === 'replicaof' || name === 'slaveof' ? ' and use topology="replica"' : ''}`);
    else directives.push(line);
  }
  return { directives, problems };
}

/** `nodes="primary=10.0.0.11:6379 replica1=10.0.0.12:6379"`: the addresses a lesson shows for a topology's nodes. */
export function renameNodes(topology: Topology, text: string): { nodes: NodeSpec[]; problems: string[] } {
  const nodes = TOPOLOGY_NODES[topology].map((spec) => ({ ...spec }));
  const problems: string[] = [];
  const names = nodes.map((spec) => spec.name).join(', ');
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    const match = NODE_ADDRESS.exec(token);
    const target = match && nodes.find((spec) => spec.name === match[1]);
    if (!match) problems.push(`nodes="${text}": "${token}" is not name=host:port, e.g. nodes="primary=10.0.0.11:6379"`);
    else if (!target) problems.push(`nodes="${text}": topology="${topology}" has no node "${match[1]}"; its nodes are ${names}`);
    else Object.assign(target, { host: match[2], port: Number(match[3]) });
  }
  const seen = new Map<string, string>();
  for (const spec of nodes) {
    const address = `${spec.host}:${spec.port}`;
    const other = seen.get(address);
    if (other !== undefined) problems.push(`nodes="${text}": ${other} and ${spec.name} are both at ${address}; give each node its own address`);
    seen.set(address, spec.name);
  }
  return { nodes, problems };
}

interface ChainState {
  line: number;
  environment: Environment;
}

/** Plans every ```redis-cli fence of a lesson, in file order; `frontmatter` supplies `redisVersion`. */
export function planLesson(fences: readonly Pick<Fence, 'lang' | 'line' | 'meta' | 'value'>[], frontmatter: Readonly<Record<string, unknown>> = {}): BlockPlan[] {
  const lessonVersion = typeof frontmatter['redisVersion'] === 'string' && VERSION.test(frontmatter['redisVersion']) ? frontmatter['redisVersion'] : undefined;
  const plans: BlockPlan[] = [];
  let chain: ChainState | undefined;
  for (const fence of fences) {
    if (fence.lang !== 'redis-cli') continue;
    const plan = planBlock(fence, lessonVersion, chain);
    plans.push(plan);
    if (plan.skip !== undefined) continue;
    if (plan.chain === plan.line) chain = { line: plan.line, environment: plan.environment };
    if (chain?.environment.topology === 'replica' && plan.steps.some((step) => step.words !== undefined && attachesReplica(step.words))) chain.environment.attached = false;
  }
  return plans;
}

function planBlock(fence: Pick<Fence, 'line' | 'meta' | 'value'>, lessonVersion: string | undefined, chain: ChainState | undefined): BlockPlan {
  const block = toSessionBlock(fence);
  const { attributes } = block.meta;
  const problems: PlanProblem[] = [];
  const problem = (message: string, line = block.fenceLine) => problems.push({ line, message });
  const text = (key: string): string | undefined => {
    const value = attributes.get(key);
    return value === true ? '' : value;
  };

  const skipValue = text('skip');
  if (skipValue === '') problem('skip needs a reason, e.g. skip="needs a three-node cluster"');
  const skip = skipValue === undefined ? undefined : skipValue === '' ? 'no reason given' : skipValue;

  const needs = text('redis');
  if (needs !== undefined && !VERSION.test(needs)) problem(`redis="${needs}" is not a version; write it like redis="7.4"`);
  const blockVersion = needs !== undefined && VERSION.test(needs) ? needs : undefined;

  const keep = attributes.has('continue') && chain !== undefined && skip === undefined;
  let environment: Environment;
  if (keep && chain) {
    environment = chain.environment;
    environment.version = higher(environment.version, blockVersion);
    for (const key of ['topology', 'server', 'nodes', 'down']) {
      if (attributes.has(key)) problem(`${key}="…" on a continue block: it runs on the servers of the block it continues (line ${chain.line}); move ${key} there or remove continue`);
    }
  } else {
    environment = readEnvironment(text, higher(lessonVersion, blockVersion), problem);
  }

  let vary: RegExp | undefined;
  const pattern = text('vary');
  if (pattern !== undefined) {
    try {
      if (pattern === '') throw new Error('it is empty');
      vary = new RegExp(pattern, 'g');
    } catch (error) {
      problem(`vary="${pattern}" is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  let eventuallyMs: number | undefined;
  const eventually = text('eventually');
  if (eventually === '') eventuallyMs = EVENTUALLY_MS;
  else if (eventually !== undefined) {
    const seconds = SECONDS.exec(eventually)?.[1];
    if (seconds === undefined) problem(`eventually="${eventually}" is not a time; write it like eventually="20s", or just eventually for ${EVENTUALLY_MS / 1000} s`);
    else eventuallyMs = Number(seconds) * 1000;
  }

  const defaultClient = text('client');
  if (defaultClient === '') problem('client needs a name, e.g. client="B"');

  if (block.steps.length === 0) problem(NO_PROMPT);
  const stray = block.strayLines[0];
  // Without any prompt the whole block is the problem, already reported above.
  if (stray && block.steps.length > 0) problem(`text before the first prompt is not part of any command: ${clip(stray.text)}; move it out of the block`, stray.line);

  const steps = block.steps.map((step): PlannedStep => {
    let words: string[] | undefined;
    try {
      words = splitArgsText(step.command, step.line);
    } catch (error) {
      if (!(error instanceof ArgsError)) throw error;
      problem(`redis-cli would answer "Invalid argument(s)": ${error.message.replace(/^line \d+: /, '')}`, step.line);
    }
    const address = PROMPT_ADDRESS.exec(step.prompt);
    return {
      ...step,
      client: step.client ?? defaultClient ?? '',
      node: nodeOf(environment, address, step, problem),
      db: Number(address?.[3] ?? 0),
      words,
      kind: words === undefined ? 'once' : stepKind(words),
      retries: eventuallyMs !== undefined && words !== undefined && observes(words),
    };
  });

  return {
    line: block.fenceLine,
    chain: keep && chain ? chain.line : block.fenceLine,
    continue: keep,
    environment,
    steps,
    clients: [...new Set(steps.map((step) => step.client))],
    vary,
    eventuallyMs,
    skip,
    changesServer: steps.some((step) => step.words !== undefined && changesServer(step.words)),
    problems,
  };
}

function readEnvironment(text: (key: string) => string | undefined, version: string | undefined, problem: (message: string) => void): Environment {
  const topologyValue = text('topology');
  let topology: Topology = 'standalone';
  if (topologyValue !== undefined) {
    const known = TOPOLOGIES.find((name) => name === topologyValue);
    if (known) topology = known;
    else problem(`topology="${topologyValue}" is not one the verifier can start; use topology="replica", "sentinel" or "cluster"`);
  }
  const serverValue = text('server');
  let directives: string[] | undefined;
  if (serverValue !== undefined) {
    const parsed = parseDirectives(serverValue);
    parsed.problems.forEach((message) => problem(message));
    directives = parsed.directives;
  }
  let nodes = TOPOLOGY_NODES[topology].map((spec) => ({ ...spec }));
  const nodesValue = text('nodes');
  if (nodesValue !== undefined) {
    if (topology === 'standalone') problem('nodes="…" names the nodes of a topology; add topology="replica", "sentinel" or "cluster", or remove it');
    else {
      const renamed = renameNodes(topology, nodesValue);
      renamed.problems.forEach((message) => problem(message));
      nodes = renamed.nodes;
    }
  }
  const down: string[] = [];
  const downValue = text('down');
  if (downValue !== undefined) {
    if (topology === 'standalone') problem('down="…" stops nodes of a topology; add topology="replica", "sentinel" or "cluster", or remove it');
    else if (downValue.trim() === '') problem('down needs the nodes to stop, e.g. down="primary"');
    for (const name of topology === 'standalone' ? [] : downValue.split(/[\s,]+/).filter(Boolean)) {
      if (nodes.some((spec) => spec.name === name)) down.push(name);
      else problem(`down="${downValue}": topology="${topology}" has no node "${name}"; name one of ${nodes.map((spec) => spec.name).join(', ')}`);
    }
  }
  return { version, topology, directives, nodes, down, attached: true };
}

/** The node a prompt addresses; outside a topology every prompt talks to the one server. */
function nodeOf(environment: Environment, address: RegExpExecArray | null, step: SessionStep, problem: (message: string, line?: number) => void): string {
  if (environment.topology === 'standalone') return 'server';
  const host = address?.[1] ?? '';
  const port = Number(address?.[2] ?? 0);
  const found = environment.nodes.find((spec) => spec.host === host && spec.port === port);
  if (found) return found.name;
  const known = environment.nodes.map((spec) => `${spec.name}=${spec.host}:${spec.port}`).join(', ');
  problem(`prompt ${step.prompt} addresses no node of topology="${environment.topology}" (${known}); use one of those ports or rename a node with nodes="name=host:port"`, step.line);
  return environment.nodes[0]?.name ?? 'server';
}

function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
