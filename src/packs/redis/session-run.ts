/**
 * Runs redis-cli blocks on any server, one fresh connection per block as the verifier does, and judges every reply
 * against the lesson (verdict.ts). Browser-safe: the Run button drives it with the in-browser engine, the
 * differential test with the engine and a native redis-server.
 */
import { ArgsError, splitArgs } from './args';
import { applyAliases } from './compare';
import { formatFor } from './format';
import { parseReply, utf8, type Reply } from './resp';
import type { SessionBlock, SessionStep } from './session';
import { judgeReply, type Verdict } from './verdict';

/** One connection: resolves with the reply (a Redis error is a reply; undefined after CLIENT REPLY OFF), rejects when none came. */
export interface SessionClient {
  send(args: readonly Uint8Array[]): Promise<Reply | undefined>;
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
  /** Sent, but no reply came (the engine was stopped or restarted, the connection closed). */
  | { kind: 'no-reply'; why: string };

export interface StepRun {
  step: SessionStep;
  /** Reply lines as redis-cli prints them; empty when nothing was printed. */
  actual: string[];
  outcome: StepOutcome;
}

export interface RunnableBlock {
  block: SessionBlock;
  /** The fence's `vary="…"`, already compiled. */
  vary: RegExp | undefined;
}

/** Commands redis-cli answers itself; the server never sees them. */
const CLIENT_SIDE = new Set(['HELP', 'QUIT', 'EXIT', 'CLEAR', 'CONNECT']);
/** Commands after which redis-cli only waits for messages, so the rest of the block cannot run. */
const WAITS_FOREVER = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'MONITOR', 'SYNC', 'PSYNC']);
const PROMPT_DB = /\[(\d+)\]/;

/** A fence's vary pattern as the verifier reads it; an invalid one (the verifier reports it) varies nothing. */
export function compileVary(pattern: string | true | undefined): RegExp | undefined {
  if (typeof pattern !== 'string' || pattern === '') return undefined;
  try {
    return new RegExp(pattern, 'g');
  } catch {
    return undefined;
  }
}

/**
 * Runs blocks in order on the data the target has (a `continue` chain: the caller starts it on an empty server).
 * `onStep` sees each reply as soon as it is judged. Stream IDs Redis generated carry over from block to block.
 */
export async function runBlocks(
  blocks: readonly RunnableBlock[],
  target: SessionTarget,
  onStep: (blockIndex: number, run: StepRun) => void = () => {},
): Promise<StepRun[][]> {
  let aliases = new Map<string, string>();
  const results: StepRun[][] = [];
  for (const [index, { block, vary }] of blocks.entries()) {
    const runs: StepRun[] = [];
    results.push(runs);
    const report = (run: StepRun) => {
      runs.push(run);
      onStep(index, run);
    };
    const client = await target.open();
    try {
      // A session shown in another database starts there, as the reader's prompt says.
      const db = PROMPT_DB.exec(block.steps[0]?.prompt ?? '')?.[1];
      if (db !== undefined && db !== '0') await client.send([encode('SELECT'), encode(db)]);
      for (const step of block.steps) {
        const run = await runStep(client, step, vary, aliases);
        aliases = run.aliases;
        report(run.result);
        if (run.last) break;
      }
    } finally {
      client.close();
    }
  }
  return results;
}

const encoder = new TextEncoder();
const encode = (text: string) => encoder.encode(text);

async function runStep(
  client: SessionClient,
  step: SessionStep,
  vary: RegExp | undefined,
  aliases: Map<string, string>,
): Promise<{ result: StepRun; aliases: Map<string, string>; last: boolean }> {
  const done = (outcome: StepOutcome, actual: string[] = [], last = false) => ({ result: { step, actual, outcome }, aliases, last });
  let args: Uint8Array[];
  try {
    args = splitArgs(applyAliases(step.command, aliases));
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    return done({ kind: 'not-run', why: 'Invalid argument(s)' }, ['Invalid argument(s)']);
  }
  if (args.length === 0) return done({ kind: 'same' });
  const words = args.map((arg) => utf8(arg));
  const name = (words[0] ?? '').toUpperCase();
  if (CLIENT_SIDE.has(name)) return done({ kind: 'not-run', why: 'redis-cli answers this itself; the server never sees it' });
  let reply: Reply | undefined;
  try {
    reply = await client.send(args);
  } catch (error) {
    return done({ kind: 'no-reply', why: error instanceof Error ? error.message : String(error) }, [], true);
  }
  const actual = reply ? formatFor(words, reply) : [];
  const judged = judgeReply({ args: words, expected: step.expected, actual, vary, aliases });
  return { result: { step, actual, outcome: judged.verdict }, aliases: judged.aliases, last: WAITS_FOREVER.has(name) };
}

/** A SessionClient over a function that returns raw RESP bytes (the in-browser engine, in a worker or in Node). */
export function bytesClient(send: (args: readonly Uint8Array[]) => Promise<Uint8Array>, close: () => void): SessionClient {
  return {
    send: async (args) => parseReply(await send(args))?.reply,
    close,
  };
}
