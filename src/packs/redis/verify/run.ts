/** Runs every redis-cli session of a lesson against a throwaway redis-server and reports what does not match. */
import type { Fence } from '../../../course/lesson-source';
import type { Problem } from '../../../course/problems';
import { plural } from '../../../course/conventions';
import { ArgsError, splitArgs } from '../args';
import { applyAliases, compareReply } from '../compare';
import { formatFor } from '../format';
import { RespError, utf8 } from '../resp';
import { toSessionBlock, type SessionBlock, type SessionStep } from '../session';
import type { RespConnection } from './connection';
import { compareVersions, RedisServer, ServerStartError } from './server';

/** What went wrong, as the rule part of a problem: a reply differs, a block is malformed, a command could not run, the server failed. */
export const SESSION_RULES = { mismatch: 'redis/reply', form: 'redis/session', run: 'redis/command', server: 'redis/server' } as const;
type Kind = keyof typeof SESSION_RULES;

export interface LessonReport {
  file: string;
  sessions: number;
  blocksRun: number;
  commands: number;
  mismatches: number;
  skipped: { line: number; reason: string }[];
  /** Blocks that could not run because of a mistake in the block itself. */
  invalid: number;
  /** Blocks left alone because no redis-server is available. */
  notRun: number;
  problems: Problem[];
}

export interface RunOptions {
  /** redis-server to start; undefined checks Java and the blocks' form only. */
  serverPath: string | undefined;
  /** How long one command may take before the block fails. */
  commandTimeoutMs?: number;
}

/** Commands redis-cli answers itself; the server never sees them. */
const CLIENT_SIDE = new Set(['HELP', 'QUIT', 'EXIT', 'CLEAR', 'CONNECT']);
/** Commands after which redis-cli only waits for messages, so the session cannot go on. */
const WAITS_FOREVER = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'MONITOR', 'SYNC', 'PSYNC']);
const VERSION = /^\d+(?:\.\d+){0,2}$/;
const PROMPT_DB = /\[(\d+)\]/;
const NO_PROMPT = 'no `127.0.0.1:6379>` prompt lines: write the session as redis-cli prints it, or mark the block skip="why it cannot run"';

/** Checks one lesson's redis-cli fences; `file` is only used in messages. One fresh server serves the whole lesson. */
export async function verifyLesson(file: string, fences: readonly Fence[], options: RunOptions): Promise<LessonReport> {
  const sessions = fences.filter((fence) => fence.lang === 'redis-cli').map(toSessionBlock);
  const report: LessonReport = {
    file,
    sessions: sessions.length,
    blocksRun: 0,
    commands: 0,
    mismatches: 0,
    skipped: [],
    invalid: 0,
    notRun: 0,
    problems: [],
  };
  const problem = (kind: Kind, line: number, message: string, details: string[] = []) =>
    report.problems.push({ file, line: Math.max(1, line), column: 1, severity: 'error', rule: SESSION_RULES[kind], message, ...(details.length > 0 ? { details } : {}) });

  const plans = sessions.map((block) => planBlock(block, problem));
  if (options.serverPath === undefined) {
    report.notRun = plans.filter((plan) => plan.kind === 'run').length;
    for (const plan of plans) if (plan.kind === 'skip') report.skipped.push({ line: plan.block.fenceLine, reason: plan.reason });
    report.invalid = plans.filter((plan) => plan.kind === 'invalid').length;
    return inFileOrder(report);
  }

  let server: RedisServer | undefined;
  const state: SessionState = { aliases: new Map() };
  try {
    for (const plan of plans) {
      if (plan.kind === 'invalid') {
        report.invalid++;
        continue;
      }
      if (plan.kind === 'skip') {
        report.skipped.push({ line: plan.block.fenceLine, reason: plan.reason });
        continue;
      }
      // A block may have stopped the server (SHUTDOWN, a crash); later blocks get a new one.
      if (!server?.running) {
        server = await RedisServer.start(options.serverPath);
      }
      const needs = plan.block.meta.attributes.get('redis');
      if (typeof needs === 'string' && compareVersions(needs, server.version) > 0) {
        report.skipped.push({ line: plan.block.fenceLine, reason: `needs Redis ${needs}, server is ${server.version}` });
        continue;
      }
      report.blocksRun++;
      await runBlock(server, plan.block, plan.vary, state, options.commandTimeoutMs ?? 10_000, report, problem);
    }
  } catch (error) {
    if (!(error instanceof ServerStartError)) throw error;
    problem('server', 1, `redis-server failed: ${error.message}`);
  } finally {
    await server?.stop();
  }
  return inFileOrder(report);
}

/** Problems in file order, however they were found; sort is stable for problems on one line. */
function inFileOrder(report: LessonReport): LessonReport {
  report.problems.sort((a, b) => a.line - b.line);
  return report;
}

type Plan =
  | { kind: 'run'; block: SessionBlock; vary: RegExp | undefined }
  | { kind: 'skip'; block: SessionBlock; reason: string }
  | { kind: 'invalid'; block: SessionBlock };

type Report = (kind: Kind, line: number, message: string, details?: string[]) => void;

/** Reads a block's meta and form; everything found here is reported even without a server. */
function planBlock(block: SessionBlock, problem: Report): Plan {
  const { attributes } = block.meta;
  const skip = attributes.get('skip');
  if (skip === true || skip === '') {
    problem('form', block.fenceLine, 'skip needs a reason, e.g. skip="needs a three-node cluster"');
    return { kind: 'skip', block, reason: 'no reason given' };
  }
  if (typeof skip === 'string') return { kind: 'skip', block, reason: skip };

  let invalid = false;
  const needs = attributes.get('redis');
  if (needs !== undefined && (needs === true || !VERSION.test(needs))) {
    problem('form', block.fenceLine, `redis="${needs === true ? '' : needs}" is not a version; write it like redis="7.4"`);
    invalid = true;
  }
  let vary: RegExp | undefined;
  const pattern = attributes.get('vary');
  if (pattern !== undefined) {
    try {
      if (pattern === true || pattern === '') throw new Error('it is empty');
      vary = new RegExp(pattern, 'g');
    } catch (error) {
      problem('form', block.fenceLine, `vary="${pattern === true ? '' : pattern}" is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
      invalid = true;
    }
  }
  if (block.steps.length === 0) {
    problem('form', block.fenceLine, NO_PROMPT);
    invalid = true;
  }
  const stray = block.strayLines[0];
  // Without any prompt the whole block is the problem, already reported above.
  if (stray && block.steps.length > 0) {
    problem('form', stray.line, `text before the first prompt is not part of any command: ${clip(stray.text)}; move it out of the block`);
  }
  for (const step of block.steps) {
    try {
      splitArgs(step.command, step.line);
    } catch (error) {
      if (!(error instanceof ArgsError)) throw error;
      problem('form', step.line, `redis-cli would answer "Invalid argument(s)": ${error.message.replace(/^line \d+: /, '')}`);
      invalid = true;
    }
  }
  return invalid ? { kind: 'invalid', block } : { kind: 'run', block, vary };
}

interface SessionState {
  /** Stream IDs shown in the lesson → generated ones; kept for `continue` blocks, which keep the data. */
  aliases: Map<string, string>;
}

async function runBlock(
  server: RedisServer,
  block: SessionBlock,
  vary: RegExp | undefined,
  state: SessionState,
  timeoutMs: number,
  report: LessonReport,
  problem: Report,
): Promise<void> {
  const keep = block.meta.attributes.has('continue');
  if (!keep) {
    await server.reset();
    state.aliases = new Map();
  }
  let connection: RespConnection | undefined;
  try {
    connection = await server.connect();
    // A session shown in another database starts there, as the reader's prompt says.
    const db = PROMPT_DB.exec(block.steps[0]?.prompt ?? '')?.[1];
    if (db !== undefined && db !== '0') await connection.command(['SELECT', db], timeoutMs);
    for (const step of block.steps) {
      const go = await runStep(connection, step, vary, state, timeoutMs, report, problem);
      if (!go) break;
    }
  } catch (error) {
    if (!(error instanceof RespError)) throw error;
    problem('run', block.fenceLine, `could not talk to redis-server: ${error.message}`);
  } finally {
    connection?.close();
  }
}

/** Runs one command; false when the rest of the block cannot run. */
async function runStep(
  connection: RespConnection,
  step: SessionStep,
  vary: RegExp | undefined,
  state: SessionState,
  timeoutMs: number,
  report: LessonReport,
  problem: Report,
): Promise<boolean> {
  const args = splitArgs(applyAliases(step.command, state.aliases), step.line);
  const words = args.map((arg) => utf8(arg));
  const name = (words[0] ?? '').toUpperCase();
  const shown = `\`${clip(step.command)}\``;
  if (args.length === 0) {
    // redis-cli prints nothing for an empty line, so nothing may be shown under it.
    if (step.expected.length > 0) problem('mismatch', step.line + 1, 'reply shown after an empty prompt line', ['expected: (nothing)', `actual:   ${step.expected[0] ?? ''}`]);
    return true;
  }
  if (CLIENT_SIDE.has(name) || name.startsWith(':')) {
    problem('run', step.line, `${shown} is answered by redis-cli itself, not by the server; move it out of the block or mark the block skip="…"`);
    return true;
  }
  if (WAITS_FOREVER.has(name)) {
    problem('run', step.line, `${shown} makes redis-cli wait for messages until Ctrl-C, so the session cannot be checked; mark the block skip="needs a second client"`);
    return false;
  }
  report.commands++;
  let actual: string[];
  try {
    actual = formatFor(words, await connection.command(args, timeoutMs));
  } catch (error) {
    if (!(error instanceof RespError)) throw error;
    const hint = /^no reply/.test(error.message)
      ? `; a blocking command waits for another client: give it a timeout under ${timeoutMs / 1000} s or mark the block skip="needs a second client"`
      : '';
    problem('run', step.line, `${shown}: ${error.message}${hint}`);
    return false;
  }
  const result = compareReply({ args: words, expected: step.expected, actual, vary, aliases: state.aliases });
  state.aliases = result.aliases;
  if (!result.ok) {
    report.mismatches++;
    const line = result.at < step.expected.length ? step.line + 1 + result.at : step.line;
    problem('mismatch', line, `${shown}: ${result.reason}`, result.diff);
  }
  return true;
}

function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}


/** "6 blocks ran (23 commands), 1 skipped (needs a three-node cluster)": one lesson's sessions in a phrase. */
export function sessionSummary(report: LessonReport): string {
  if (report.sessions === 0) return 'no redis-cli blocks';
  const redis: string[] = [];
  if (report.notRun > 0) redis.push(`${plural(report.notRun, 'block')} not run (no redis-server)`);
  else {
    const details = [plural(report.commands, 'command')];
    if (report.mismatches > 0) details.push(plural(report.mismatches, 'mismatch', 'mismatches'));
    redis.push(`${plural(report.blocksRun, 'block')} ran (${details.join(', ')})`);
  }
  if (report.skipped.length > 0) {
    const reasons = [...new Set(report.skipped.map((skip) => skip.reason))];
    redis.push(`${report.skipped.length} skipped (${reasons.join('; ')})`);
  }
  if (report.invalid > 0) redis.push(`${report.invalid} invalid`);
  return redis.join(', ');
}

/** "redis-cli: 137 blocks ran (650 commands), 29 skipped, 0 mismatches" over every lesson. */
export function totalsLine(reports: readonly LessonReport[]): string {
  const sum = (pick: (report: LessonReport) => number) => reports.reduce((total, report) => total + pick(report), 0);
  const notRun = sum((report) => report.notRun);
  return [
    notRun > 0 ? `redis-cli: ${plural(notRun, 'block')} not run` : `redis-cli: ${plural(sum((report) => report.blocksRun), 'block')} ran (${plural(sum((report) => report.commands), 'command')})`,
    `${sum((report) => report.skipped.length)} skipped`,
    plural(sum((report) => report.mismatches), 'mismatch', 'mismatches'),
  ].join(', ');
}
