/**
 * Runs redis-cli blocks on any server as the verifier does (verify/run.ts, on the same plan: plan.ts): each client
 * of a `continue` chain on its own connection, in the order the lesson shows, and judges every reply against the
 * lesson (verdict.ts). Browser-safe: the Run button drives it with the in-browser engine, the differential test with
 * the engine and a native redis-server.
 */
import type { Fence } from '../../course/lesson-source';
import { ArgsError, splitArgs } from './args';
import { applyAliases, applyClientIds, clientIdAlias } from './compare';
import { formatFor, formatReply } from './format';
import { Inbox } from './inbox';
import { firstReplies, messagesShown, planLesson, type PlannedStep } from './plan';
import { parseReply, utf8, type Reply } from './resp';
import type { SessionStep } from './session';
import { judgeReply, type Verdict } from './verdict';

/** One connection. */
export interface SessionClient {
  /** Resolves with the reply (a Redis error is a reply; undefined after CLIENT REPLY OFF), rejects when none came. */
  send(args: readonly Uint8Array[]): Promise<Reply | undefined>;
  /** The next `count` values the server pushed (pub/sub messages, a SUBSCRIBE's further confirmations), or those that came within `timeoutMs`. */
  messages(count: number, timeoutMs: number): Promise<Reply[]>;
  /**
   * Resolves once the server has answered the command `reply` waits for, or holds it for another client. Needed
   * where two connections' commands may reach the server out of order (sockets); the engine runs them as sent.
   */
  held?(reply: Promise<Reply | undefined>): Promise<unknown>;
  close(): void;
}

/** A server to run blocks on: `open` gives a new connection. */
export interface SessionTarget {
  open(): Promise<SessionClient>;
}

export type StepOutcome =
  | Verdict
  /** The command was not sent: redis-cli answers it itself, or the line cannot be split. */
  | { kind: 'not-run'; why: string }
  /** Sent, but no reply came (the engine was stopped or restarted, the connection closed, nobody served it). */
  | { kind: 'no-reply'; why: string };

export interface StepRun {
  step: SessionStep;
  /** Reply lines as redis-cli prints them; empty when nothing was printed. */
  actual: string[];
  outcome: StepOutcome;
}

export interface RunnableBlock {
  steps: readonly PlannedStep[];
  /** The fence's `vary="…"`, compiled. */
  vary: RegExp | undefined;
}

/** Commands redis-cli answers itself; the server never sees them. */
const CLIENT_SIDE = new Set(['HELP', 'QUIT', 'EXIT', 'CLEAR', 'CONNECT']);
/** Commands after which redis-cli prints the replication stream, so the rest of the block cannot run. */
const REPLICATION_STREAM = new Set(['SYNC', 'PSYNC']);
/** How long the messages a lesson shows, and a reply another client serves, may take before the run says they did not come. */
const WAIT_MS = 2000;

/** Plans blocks as the verifier does (plan.ts): who types each step and whether it answers at once, waits or listens. */
export function planBlocks(fences: readonly Pick<Fence, 'line' | 'meta' | 'value'>[]): RunnableBlock[] {
  return planLesson(fences.map((fence) => ({ ...fence, lang: 'redis-cli' }))).map(({ steps, vary }) => ({ steps, vary }));
}

export interface RunOptions {
  /** How long messages a lesson shows, or the reply of a command another client serves, may take to come. */
  waitMs?: number;
}

/** One client's connection, as one redis-cli terminal. */
interface Terminal {
  client: SessionClient;
  db: number;
  /** After SUBSCRIBE, redis-cli only prints messages. */
  listening: boolean;
  /** Judges the step that waits for other clients (its messages, its held reply), once they have acted; `at` is its place in the chain. */
  pending: { at: number; settle: () => Promise<void> } | undefined;
}

/**
 * Runs a `continue` chain of blocks on the data the target has (the caller starts it on an empty server), every
 * step in the lesson's order on its own client's connection (opened on first use, closed at the end). A step that
 * waits for other clients (the messages a SUBSCRIBE shows, a BLPOP another client serves) is judged once they have
 * acted. `onStep` sees each reply as soon as it is judged, with its place in its block. Stream IDs and client ids
 * Redis generated carry over from step to step.
 */
export async function runBlocks(
  blocks: readonly RunnableBlock[],
  target: SessionTarget,
  onStep: (blockIndex: number, run: StepRun, stepIndex: number) => void = () => {},
  { waitMs = WAIT_MS }: RunOptions = {},
): Promise<StepRun[][]> {
  const results: StepRun[][] = blocks.map(() => []);
  const order = blocks.flatMap(({ steps, vary }, blockIndex) => steps.map((step, stepIndex) => ({ step, vary, blockIndex, stepIndex })));
  const terminals = new Map<string, Terminal>();
  let aliases = new Map<string, string>();
  /** Client ids shown by `CLIENT ID` → the real ones. */
  const ids = new Map<string, string>();

  const judge = (step: SessionStep, words: string[], actual: string[], vary: RegExp | undefined): Verdict => {
    const id = clientIdAlias(words, step.expected, actual);
    if (id) {
      ids.set(...id);
      return id[0] === id[1] ? { kind: 'same' } : { kind: 'varies', label: 'varies: Redis numbers its connections' };
    }
    const judged = judgeReply({ args: words, expected: step.expected, actual, vary, aliases });
    aliases = judged.aliases;
    return judged.verdict;
  };

  const settle = async (terminal: Terminal) => {
    const pending = terminal.pending;
    terminal.pending = undefined;
    await pending?.settle();
  };

  try {
    let stopped: number | undefined;
    for (const [at, { step, vary, blockIndex, stepIndex }] of order.entries()) {
      if (blockIndex === stopped) continue;
      const report = (outcome: StepOutcome, actual: string[] = []) => {
        const run = { step, actual, outcome };
        results[blockIndex]![stepIndex] = run;
        onStep(blockIndex, run, stepIndex);
      };
      let terminal = terminals.get(step.client);
      if (!terminal) {
        terminal = { client: await target.open(), db: 0, listening: false, pending: undefined };
        terminals.set(step.client, terminal);
      }
      await settle(terminal);
      // redis-cli prints only messages now, so the rest of the block cannot run.
      if (terminal.listening) {
        stopped = blockIndex;
        continue;
      }
      let args: Uint8Array[];
      try {
        args = splitArgs(applyAliases(step.command, aliases));
      } catch (error) {
        if (!(error instanceof ArgsError)) throw error;
        report({ kind: 'not-run', why: 'Invalid argument(s)' }, ['Invalid argument(s)']);
        continue;
      }
      if (args.length === 0) {
        report({ kind: 'same' });
        continue;
      }
      const typed = args.map((arg) => utf8(arg));
      const words = applyClientIds(typed, ids);
      if (words.some((word, k) => word !== typed[k])) args = words.map(encode);
      const name = (words[0] ?? '').toUpperCase();
      if (CLIENT_SIDE.has(name)) {
        report({ kind: 'not-run', why: 'redis-cli answers this itself; the server never sees it' });
        continue;
      }
      const { client } = terminal;
      const othersNext = order[at + 1] !== undefined && order[at + 1]!.step.client !== step.client;
      const served = sent(client, args, terminal.db === step.db ? undefined : step.db);
      terminal.db = step.db;
      try {
        if (step.kind === 'listen') {
          terminal.listening = true;
          const first = await served;
          const replies = [...(first ? [first] : []), ...(await client.messages(firstReplies(words) - 1, waitMs))];
          const shown = messagesShown(step.expected, name);
          const judgeMessages = async () => {
            replies.push(...(await client.messages(shown - replies.length, waitMs)));
            const actual = replies.flatMap(formatReply);
            const verdict = judge(step, words, actual, vary);
            const fewer = `only ${replies.length} of the ${shown} replies the lesson shows arrived within ${waitMs / 1000} s`;
            report(verdict.kind === 'differs' && replies.length < shown ? { ...verdict, reason: fewer } : verdict, actual);
          };
          if (shown > replies.length) terminal.pending = { at, settle: judgeMessages };
          else await judgeMessages();
          continue;
        }
        if (step.kind === 'block' && othersNext) {
          // Another client acts next and may be the one that serves it: judged when it has (a failure, then too).
          served.catch(() => undefined);
          await client.held?.(served);
          terminal.pending = {
            at,
            settle: async () => {
              const answered = await within(served, waitMs);
              if (!answered) return report({ kind: 'no-reply', why: `no other client served it within ${waitMs / 1000} s` });
              if ('error' in answered) return report({ kind: 'no-reply', why: answered.error instanceof Error ? answered.error.message : String(answered.error) });
              const actual = answered.value ? formatFor(words, answered.value) : [];
              report(judge(step, words, actual, vary), actual);
            },
          };
          continue;
        }
        const reply = await served;
        const actual = reply ? formatFor(words, reply) : [];
        report(judge(step, words, actual, vary), actual);
        if (REPLICATION_STREAM.has(name)) stopped = blockIndex;
      } catch (error) {
        report({ kind: 'no-reply', why: error instanceof Error ? error.message : String(error) });
        client.close();
        terminals.delete(step.client);
        stopped = blockIndex;
      }
    }
    const waiting = [...terminals.values()].filter((terminal) => terminal.pending).sort((a, b) => a.pending!.at - b.pending!.at);
    for (const terminal of waiting) await settle(terminal);
  } finally {
    for (const terminal of terminals.values()) terminal.client.close();
  }
  return results.map((runs) => runs.filter((run) => run !== undefined));
}

/** How `promise` settled, or undefined when it has not within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | { error: unknown } | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    const settle = (outcome: { value: T } | { error: unknown }) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    promise.then(
      (value) => settle({ value }),
      (error: unknown) => settle({ error }),
    );
  });
}
const encoder = new TextEncoder();
const encode = (text: string) => encoder.encode(text);

/** Sends a command, first moving the connection to the database its prompt shows. */
async function sent(client: SessionClient, args: readonly Uint8Array[], db: number | undefined): Promise<Reply | undefined> {
  if (db !== undefined) await client.send([encode('SELECT'), encode(String(db))]);
  return client.send(args);
}

/** A SessionClient over a connection that answers with raw RESP bytes and pushes messages apart (the in-browser engine, in a worker or in Node). */
export function bytesClient(connection: {
  send(args: readonly Uint8Array[]): Promise<Uint8Array>;
  onPush(listener: (bytes: Uint8Array) => void): unknown;
  close(): void;
}): SessionClient {
  const inbox = new Inbox();
  connection.onPush((bytes) => {
    const parsed = parseReply(bytes);
    if (parsed) inbox.put(parsed.reply);
  });
  return {
    send: async (args) => {
      const bytes = await connection.send(args);
      // SUBSCRIBE to several channels: one confirmation is the reply, the others come as redis-cli reads them, after it.
      const replies: Reply[] = [];
      for (let parsed = parseReply(bytes); parsed; parsed = parsed.next < bytes.length ? parseReply(bytes, parsed.next) : undefined) replies.push(parsed.reply);
      replies.slice(1).forEach((reply) => inbox.put(reply));
      return replies[0];
    },
    messages: (count, timeoutMs) => inbox.take(count, timeoutMs),
    close: () => {
      inbox.end();
      connection.close();
    },
  };
}
