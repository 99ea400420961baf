/**
 * Which redis-cli blocks a learner can run in the browser, on the in-browser engine (engine/), and which earlier
 * block a `continue` block needs first. Pure: the build decides with it, the differential test runs what it allows.
 */
import type { Fence } from '../../course/lesson-source';
import { parseCodeMeta, type CodeMeta } from '../../markdown/code-meta';
import { type BlockPlan, commandName, compareVersions, planLesson } from './plan';

/** The console's own page, inside the site (the lesson consoles link to it). */
export const PLAYGROUND_PATH = 'playground';

/** The Redis inside engine/artifacts (VERSION.json's `redis`; a unit test keeps the two equal). */
export const ENGINE_REDIS_VERSION = '7.2.6';

/** Fence attributes that ask for something one in-browser server cannot give: a reason not to run, replicas or a cluster, a server set up apart. */
const NEEDS_MORE_THAN_ONE_SERVER = ['skip', 'topology', 'server'] as const;

export type BrowserRun =
  /** `after`: index of the block it continues, run first on the same data; undefined when it starts from an empty server. */
  | { runnable: true; after: number | undefined }
  | { runnable: false; why: string };

/** Dotted versions compared as the verifier compares them, missing parts as 0: atMost('7.2', '7.2.6') is true. */
export const atMost = (version: string, limit: string): boolean => compareVersions(version, limit) <= 0;

/** One block on its own: its attributes and the version it needs (`redis="…"`, else the lesson's `redisVersion`). */
export function blockRunsInBrowser(attributes: CodeMeta['attributes'], lessonVersion: unknown): { runnable: true } | { runnable: false; why: string } {
  const needs = NEEDS_MORE_THAN_ONE_SERVER.find((name) => attributes.has(name));
  if (needs !== undefined) return { runnable: false, why: `has ${needs}=` };
  const own = attributes.get('redis');
  const version = typeof own === 'string' ? own : typeof lessonVersion === 'string' ? lessonVersion : undefined;
  if (own === true) return { runnable: false, why: 'redis= names no version' };
  if (version !== undefined && !atMost(version, ENGINE_REDIS_VERSION)) return { runnable: false, why: `needs Redis ${version}; the browser has ${ENGINE_REDIS_VERSION}` };
  return { runnable: true };
}

/** A redis-cli fence as the build and the tests see it. */
export type BrowserFence = Pick<Fence, 'meta' | 'value' | 'line'>;

/** Commands the engine answers with an error saying why a tab cannot (engine/c/rw_shim.c), and CLIENT PAUSE, which stalls the one client. */
const ENGINE_REFUSES = new Set(['SAVE', 'BGSAVE', 'BGREWRITEAOF', 'REPLICAOF', 'SLAVEOF', 'SYNC', 'PSYNC', 'REPLCONF', 'FAILOVER', 'MIGRATE', 'CLUSTER', 'SHUTDOWN', 'DEBUG', 'MONITOR', 'MODULE', 'CLIENT PAUSE']);

/** A reply Redis gives a client while another one runs a long script; the engine runs one command at a time, so nobody else is answered meanwhile. */
const BUSY = /^\(error\) BUSY\b/;

/** What the verifier's plan of a block (plan.ts) asks for, `chain` being the plans of its `continue` chain, that one in-browser server cannot give. */
export function planNeedsMore(plan: BlockPlan, chain: readonly BlockPlan[]): string | undefined {
  if (plan.problems.length > 0) return 'the verifier reports a problem with it';
  if (plan.eventuallyMs !== undefined) return 'waits for the server to change (eventually)';
  const refused = plan.steps.find((step) => {
    if (step.words === undefined) return false;
    const { name, full } = commandName(step.words);
    return ENGINE_REFUSES.has(name) || ENGINE_REFUSES.has(full);
  });
  if (refused) return `runs ${refused.words!.slice(0, 2).join(' ')}, which a tab cannot`;
  if (chain.some((member) => member.steps.some((step) => BUSY.test(step.expected[0] ?? '')))) return 'shows a client answered BUSY while another runs a script, which a tab cannot';
  return undefined;
}

/**
 * Every redis-cli block of a lesson, in order. A `continue` block keeps the data of the last block before it that
 * runs (blocks with `skip` never run), so it runs in the browser only when that block does too.
 */
export function browserRuns(fences: readonly BrowserFence[], frontmatter: Readonly<Record<string, unknown>>): BrowserRun[] {
  const plans = planLesson(fences.map((fence) => ({ ...fence, lang: 'redis-cli' })), frontmatter);
  const runs: BrowserRun[] = [];
  let previous: number | undefined;
  fences.forEach((fence, k) => {
    const { attributes } = parseCodeMeta(fence.meta);
    const alone = blockRunsInBrowser(attributes, frontmatter['redisVersion']);
    const more = alone.runnable ? planNeedsMore(plans[k]!, plans.filter((plan) => plan.chain === plans[k]!.chain)) : undefined;
    const own = more === undefined ? alone : { runnable: false as const, why: more };
    let run: BrowserRun = own.runnable ? { runnable: true, after: undefined } : own;
    if (run.runnable && attributes.has('continue') && previous !== undefined) {
      const before = runs[previous]!;
      run = before.runnable ? { runnable: true, after: previous } : { runnable: false, why: `continues a block that cannot run in the browser (${before.why})` };
    }
    runs.push(run);
    if (!attributes.has('skip')) previous = k;
  });
  return runs;
}

/** The blocks to run, in order, for block `k`: the blocks it continues, then itself. */
export function chainOf(runs: readonly BrowserRun[], k: number): number[] {
  const chain: number[] = [];
  for (let at: number | undefined = k; at !== undefined; ) {
    const run: BrowserRun | undefined = runs[at];
    if (!run?.runnable) break;
    chain.unshift(at);
    at = run.after;
  }
  return chain;
}
