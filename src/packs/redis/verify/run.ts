/**
 * Runs every redis-cli session of a lesson on the servers its blocks ask for and reports what does not match.
 * A `continue` chain of blocks is one session: its servers, its data and its clients' connections carry over.
 */
import type { Fence } from '../../../course/lesson-source';
import type { Problem } from '../../../course/problems';
import { ArgsError, splitArgs } from '../args';
import { applyAliases, applyClientIds, clientIdAlias, compareReply } from '../compare';
import { formatFor, formatReply } from '../format';
import { firstReplies, messagesShown, planLesson, type BlockPlan, type PlannedStep } from '../plan';
import { RespError, utf8, type Reply } from '../resp';
import { toLessonReply, toRealCommand } from './addresses';
import type { RespConnection } from './connection';
import { EnvironmentPool, type RunningEnvironment } from './environment';
import { countOn, emptyReport, type LessonReport } from './report';
import { ServerStartError } from './server';
import { noServerReason, pickServer, type RedisBinary } from './servers';

export { sessionSummary, serverLines, totalsLine, type LessonReport } from './report';

/** What went wrong, as the rule part of a problem: a reply differs, a block is malformed, a command could not run, the server failed. */
export const SESSION_RULES = { mismatch: 'redis/reply', form: 'redis/session', run: 'redis/command', server: 'redis/server' } as const;
type Kind = keyof typeof SESSION_RULES;
type Report = (kind: Kind, line: number, message: string, details?: string[]) => void;

export interface RunOptions {
  /** The redis-servers that may be started; undefined checks the blocks' form only. */
  servers: readonly RedisBinary[] | undefined;
  /** The lesson's frontmatter, for `redisVersion`. */
  frontmatter?: Readonly<Record<string, unknown>>;
  /** CI=true: a block that no available server is new enough for fails instead of being skipped. */
  required?: boolean;
  /** How long one command may take, and how long messages may take to arrive. */
  commandTimeoutMs?: number;
}

/** Commands redis-cli answers itself; the server never sees them. */
const CLIENT_SIDE = new Set(['HELP', 'QUIT', 'EXIT', 'CLEAR', 'CONNECT']);
/** Commands that turn redis-cli into a replica, printing the replication stream. */
const REPLICATION_STREAM = new Set(['SYNC', 'PSYNC']);
const RETRY_MS = 100;
const encoder = new TextEncoder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks one lesson's redis-cli fences; `file` is only used in messages. */
export async function verifyLesson(file: string, fences: readonly Fence[], options: RunOptions): Promise<LessonReport> {
  const plans = planLesson(fences, options.frontmatter);
  const report = emptyReport(file, plans.length);
  const problem: Report = (kind, line, message, details = []) =>
    report.problems.push({ file, line: Math.max(1, line), column: 1, severity: 'error', rule: SESSION_RULES[kind], message, ...(details.length > 0 ? { details } : {}) } satisfies Problem);

  const runnable: BlockPlan[] = [];
  for (const plan of plans) {
    for (const found of plan.problems) problem('form', found.line, found.message);
    if (plan.skip !== undefined) report.skipped.push({ line: plan.line, reason: plan.skip });
    else if (plan.problems.length > 0) report.invalid++;
    else runnable.push(plan);
  }
  if (options.servers === undefined) {
    report.notRun = runnable.length;
    return inFileOrder(report);
  }

  const pool = new EnvironmentPool();
  // Under CI=true, one problem per version no server meets, at its first block.
  const unmet = new Map<string, { line: number; blocks: number }>();
  try {
    for (const chain of chainsOf(runnable)) {
      const head = chain[0];
      if (!head) continue;
      const binary = pickServer(options.servers, head.environment.version);
      if (!binary) {
        const version = head.environment.version ?? '';
        const seen = unmet.get(version) ?? { line: head.line, blocks: 0 };
        unmet.set(version, { line: seen.line, blocks: seen.blocks + chain.length });
        if (!options.required) for (const plan of chain) report.skipped.push({ line: plan.line, reason: noServerReason(options.servers, version) });
        continue;
      }
      let running: RunningEnvironment;
      try {
        running = await pool.acquire(binary, head.environment);
      } catch (error) {
        if (!(error instanceof ServerStartError)) throw error;
        problem('server', head.line, `redis-server failed: ${error.message}`);
        continue;
      }
      try {
        countOn(report, running.label, chain.length, 0);
        await new ChainRun(running, options.commandTimeoutMs ?? 10_000, report, problem).run(chain);
      } finally {
        if (chain.some((plan) => plan.changesServer)) running.dirty = true;
        await pool.release(running);
      }
    }
  } finally {
    await pool.close();
  }
  if (options.required) {
    for (const [version, { line, blocks }] of unmet) {
      const which = blocks === 1 ? '' : `${blocks} blocks, this one first; `;
      problem('server', line, `${noServerReason(options.servers, version)} (${which}CI=true, so every block must run)`);
    }
  }
  return inFileOrder(report);
}

/** Runnable blocks grouped into `continue` chains, in file order. */
function chainsOf(plans: readonly BlockPlan[]): BlockPlan[][] {
  const chains: BlockPlan[][] = [];
  for (const plan of plans) {
    const last = chains.at(-1);
    if (last && last[0]?.chain === plan.chain) last.push(plan);
    else chains.push([plan]);
  }
  return chains;
}

/** Problems in file order, however they were found; sort is stable for problems on one line. */
function inFileOrder(report: LessonReport): LessonReport {
  report.problems.sort((a, b) => a.line - b.line);
  return report;
}

/** A client's connection to one node, as one terminal running redis-cli. */
interface Terminal {
  connection: RespConnection;
  node: string;
  db: number;
  /** After SUBSCRIBE or MONITOR, redis-cli only prints messages. */
  listening: string | undefined;
  /** A command whose reply (or messages) the lesson shows but that arrives later, when other clients have acted. */
  pending: Pending | undefined;
}

interface Pending {
  step: PlannedStep;
  plan: BlockPlan;
  words: string[];
  /** The reply of a command another client's action completes. */
  reply?: Promise<Reply>;
  /** Messages read so far after SUBSCRIBE or MONITOR, and how many the lesson shows. */
  messages?: Reply[];
  shown?: number;
}

/** One `continue` chain on its servers: each step goes to its client's terminal, in the order the lesson shows. */
class ChainRun {
  private readonly terminals = new Map<string, Terminal>();
  /** Stream IDs shown in the lesson → generated ones. */
  private aliases = new Map<string, string>();
  /** Client ids shown by `CLIENT ID` → the real ones. */
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly running: RunningEnvironment,
    private readonly timeoutMs: number,
    private readonly report: LessonReport,
    private readonly problem: Report,
  ) {}

  async run(chain: readonly BlockPlan[]): Promise<void> {
    const order = chain.flatMap((plan) => plan.steps.map((step) => ({ plan, step })));
    try {
      let at = 0;
      for (const plan of chain) {
        for (const [k, step] of plan.steps.entries()) {
          const next = k + 1 < plan.steps.length ? plan.steps[k + 1] : order[at + plan.steps.length]?.step;
          if (!(await this.step(plan, step, next))) break;
        }
        at += plan.steps.length;
      }
      const waiting = [...this.terminals.values()].filter((terminal) => terminal.pending).sort((a, b) => (a.pending?.step.line ?? 0) - (b.pending?.step.line ?? 0));
      for (const terminal of waiting) await this.settle(terminal);
    } finally {
      for (const terminal of this.terminals.values()) terminal.connection.close();
    }
  }

  private async terminal(step: PlannedStep): Promise<Terminal> {
    const key = `${step.client}\u0000${step.node}`;
    let terminal = this.terminals.get(key);
    if (!terminal) {
      terminal = { connection: await this.running.server(step.node).connect(), node: step.node, db: 0, listening: undefined, pending: undefined };
      this.terminals.set(key, terminal);
    }
    return terminal;
  }

  /** Runs one command; false when the rest of the block cannot run. */
  private async step(plan: BlockPlan, step: PlannedStep, next: PlannedStep | undefined): Promise<boolean> {
    const key = `${step.client}\u0000${step.node}`;
    let terminal: Terminal | undefined;
    try {
      terminal = await this.terminal(step);
      if (terminal.pending) await this.settle(terminal);
      return await this.send(plan, step, terminal, next !== undefined && `${next.client}\u0000${next.node}` !== key);
    } catch (error) {
      if (error instanceof ArgsError) {
        this.problem('form', step.line, `redis-cli would answer "Invalid argument(s)": ${error.message.replace(/^line \d+: /, '')}`);
        return false;
      }
      if (!(error instanceof RespError)) throw error;
      const hint =
        /^no reply/.test(error.message) && step.kind === 'block'
          ? `; a blocking command waits for another client: give it a timeout under ${this.timeoutMs / 1000} s, or show the client that unblocks it (# client B)`
          : '';
      this.problem('run', step.line, `\`${clip(step.command)}\`: ${error.message}${hint}`);
      terminal?.connection.close();
      this.terminals.delete(key);
      return false;
    }
  }

  private async send(plan: BlockPlan, step: PlannedStep, terminal: Terminal, othersNext: boolean): Promise<boolean> {
    const shown = `\`${clip(step.command)}\``;
    if (terminal.listening) {
      this.problem('run', step.line, `${shown} is typed in a client that is in ${terminal.listening} mode, where redis-cli only prints messages; type it in another client (# client B)`);
      return false;
    }
    const bytes = splitArgs(toRealCommand(applyAliases(step.command, this.aliases), this.running.addresses), step.line);
    const typed = bytes.map((arg) => utf8(arg));
    const words = applyClientIds(typed, this.ids);
    const args = bytes.map((arg, k) => (words[k] === typed[k] ? arg : encoder.encode(words[k] ?? '')));
    const name = (words[0] ?? '').toUpperCase();
    if (words.length === 0) {
      // redis-cli prints nothing for an empty line, so nothing may be shown under it.
      if (step.expected.length > 0) this.problem('mismatch', step.line + 1, 'reply shown after an empty prompt line', ['expected: (nothing)', `actual:   ${step.expected[0] ?? ''}`]);
      return true;
    }
    if (CLIENT_SIDE.has(name) || name.startsWith(':')) {
      this.problem('run', step.line, `${shown} is answered by redis-cli itself, not by the server; move it out of the block or mark the block skip="…"`);
      return true;
    }
    if (REPLICATION_STREAM.has(name)) {
      this.problem('run', step.line, `${shown} makes redis-cli print the replication stream until Ctrl-C, so the session cannot be checked; mark the block skip="…"`);
      return false;
    }
    // The prompt shows the database the command runs in.
    if (step.db !== terminal.db) {
      await terminal.connection.command(['SELECT', String(step.db)], this.timeoutMs);
      terminal.db = step.db;
    }
    countOn(this.report, this.running.label, 0, 1);

    if (step.kind === 'listen') {
      terminal.connection.send(args);
      terminal.listening = name === 'MONITOR' ? 'MONITOR' : 'subscribed';
      // Subscribed once the server confirms each channel; MONITOR once it answers OK.
      const entry = firstReplies(words);
      const shownMessages = messagesShown(step.expected, name);
      const messages = await terminal.connection.readMessages(entry, this.timeoutMs);
      if (shownMessages > messages.length && messages.length === entry) terminal.pending = { step, plan, words, messages, shown: shownMessages };
      else this.compare(plan, step, words, messages.flatMap(formatReply));
      return true;
    }

    for (const deadline = Date.now() + (step.retries ? plan.eventuallyMs ?? 0 : 0); ; ) {
      const reply = terminal.connection.command(args, this.timeoutMs);
      // Another client acts next: a command the server holds (BLPOP, a long script) is answered later.
      if (othersNext && (await this.running.server(terminal.node).holds(terminal.connection, reply, this.timeoutMs))) {
        // Settled later; until then a failure must not count as unhandled.
        reply.catch(() => undefined);
        terminal.pending = { step, plan, words, reply };
        return true;
      }
      const actual = formatFor(words, await reply);
      const last = Date.now() >= deadline;
      if (this.compare(plan, step, words, actual, !last)) return true;
      if (last) return true;
      await sleep(RETRY_MS);
    }
  }

  /** Compares and reports; with `quiet`, a mismatch is not reported (it will be retried). True when it matches. */
  private compare(plan: BlockPlan, step: PlannedStep, words: string[], printed: string[], quiet = false, why?: string): boolean {
    const actual = toLessonReply(printed, this.running.addresses);
    const id = clientIdAlias(words, step.expected, actual);
    if (id) {
      this.ids.set(...id);
      return true;
    }
    const result = compareReply({ args: words, expected: step.expected, actual, vary: plan.vary, aliases: this.aliases });
    if (result.ok || !quiet) this.aliases = result.aliases;
    if (result.ok || quiet) return result.ok;
    this.report.mismatches++;
    const line = why === undefined && result.at < step.expected.length ? step.line + 1 + result.at : step.line;
    const waited = step.retries && plan.eventuallyMs !== undefined ? ` (still after ${plan.eventuallyMs / 1000} s)` : '';
    this.problem('mismatch', line, `\`${clip(step.command)}\`: ${why ?? result.reason}${waited}`, result.diff);
    return false;
  }

  /** Collects what a held command or a listener was waiting for, and compares it. */
  private async settle(terminal: Terminal): Promise<void> {
    const pending = terminal.pending;
    if (!pending) return;
    terminal.pending = undefined;
    try {
      if (pending.reply) {
        this.compare(pending.plan, pending.step, pending.words, formatFor(pending.words, await pending.reply));
        return;
      }
      const messages = [...(pending.messages ?? [])];
      const shown = pending.shown ?? 0;
      messages.push(...(await terminal.connection.readMessages(shown - messages.length, this.timeoutMs)));
      const missing = messages.length < shown ? `${messages.length} of the ${shown} messages shown arrived within ${this.timeoutMs / 1000} s; show what arrives, or the client that sends the rest` : undefined;
      this.compare(pending.plan, pending.step, pending.words, messages.flatMap(formatReply), false, missing);
    } catch (error) {
      if (!(error instanceof RespError)) throw error;
      this.problem('run', pending.step.line, `\`${clip(pending.step.command)}\`: ${error.message}; the clients after it did not unblock it`);
    }
  }
}

function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
