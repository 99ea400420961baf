/**
 * The Redis console's logic without the page: what a typed line is, the prompt redis-cli would show, when a client
 * is subscribed, and the ↑/↓ history. console.ts puts it on the page.
 */
import { ArgsError, splitArgs } from './args';
import { formatFor } from './format';
import { parseReply, utf8, type Reply } from './resp';

export type ConsoleInput =
  | { kind: 'empty' }
  /** A quoting mistake: redis-cli prints "Invalid argument(s)"; `hint` says what is wrong. */
  | { kind: 'invalid'; hint: string }
  /** CLEAR: redis-cli clears the screen. */
  | { kind: 'clear' }
  /** A command redis-cli answers itself; the console answers it too. */
  | { kind: 'local'; lines: string[] }
  | { kind: 'command'; args: Uint8Array[]; words: string[] };

/** What redis-cli prints for a line it cannot split. */
export const INVALID_ARGUMENTS = 'Invalid argument(s)';

const LOCAL_ANSWERS: Readonly<Record<string, string[]>> = {
  HELP: ["redis-cli's help is not built into this console: type a Redis command, such as SET greeting hello, then GET greeting."],
  QUIT: ['This console stays open as long as the page: press Reset for an empty server.'],
  EXIT: ['This console stays open as long as the page: press Reset for an empty server.'],
  CONNECT: ['There is one Redis here, running in this page: CONNECT has nowhere else to go.'],
};

/** Reads one typed line with redis-cli's quoting rules. */
export function readLine(text: string): ConsoleInput {
  let args: Uint8Array[];
  try {
    args = splitArgs(text);
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    return { kind: 'invalid', hint: error.message };
  }
  if (args.length === 0) return { kind: 'empty' };
  const words = args.map((arg) => utf8(arg));
  const name = (words[0] ?? '').toUpperCase();
  if (name === 'CLEAR') return { kind: 'clear' };
  const local = LOCAL_ANSWERS[name];
  if (local) return { kind: 'local', lines: local };
  return { kind: 'command', args, words };
}

/** What the prompt shows: the selected database, and (TX) inside MULTI, as redis-cli tracks them. */
export interface PromptState {
  db: number;
  multi: boolean;
  /** The database when MULTI began: a failed EXEC or a DISCARD returns to it. */
  dbBeforeMulti: number;
}

export const FRESH_PROMPT: PromptState = { db: 0, multi: false, dbBeforeMulti: 0 };

/** `127.0.0.1:6379[2](TX)>` */
export function promptText(state: PromptState): string {
  return `127.0.0.1:6379${state.db !== 0 ? `[${state.db}]` : ''}${state.multi ? '(TX)' : ''}>`;
}

/** The prompt after a command got its reply, by redis-cli's rules (SELECT, MULTI, EXEC, DISCARD, RESET). */
export function nextPrompt(state: PromptState, words: readonly string[], reply: Reply | undefined): PromptState {
  const name = (words[0] ?? '').toUpperCase();
  const failed = reply?.kind === 'error';
  if (name === 'SELECT' && words.length === 2 && !failed) {
    const db = Number(words[1]);
    return Number.isInteger(db) ? { ...state, db } : state;
  }
  if (words.length !== 1) return state;
  if (name === 'MULTI' && !failed) return { ...state, multi: true, dbBeforeMulti: state.db };
  if (name === 'EXEC' && state.multi) {
    const aborted = failed || (reply?.kind === 'array' && reply.items === null) || reply?.kind === 'null';
    return { ...state, multi: false, db: aborted ? state.dbBeforeMulti : state.db };
  }
  if (name === 'DISCARD' && !failed) return { ...state, multi: false, db: state.dbBeforeMulti };
  if (name === 'RESET' && !failed) return FRESH_PROMPT;
  return state;
}

/** Every RESP value in `bytes` (SUBSCRIBE to several channels answers once per channel). */
export function repliesIn(bytes: Uint8Array): Reply[] {
  const replies: Reply[] = [];
  for (let at = 0; at < bytes.length; ) {
    const parsed = parseReply(bytes, at);
    if (!parsed) break;
    replies.push(parsed.reply);
    at = parsed.next;
  }
  return replies;
}

const SUBSCRIBING = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE']);
const SUBSCRIPTION_REPLY = new Set(['subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe']);

/** What redis-cli 7.2 prints when a client starts reading messages. */
export const READING_MESSAGES = 'Reading messages... (press Ctrl-C to quit or any key to type command)';

/**
 * How many channels and patterns the client listens to after these replies, from the count the last
 * (un)subscribe confirmation carries; `current` when the replies confirm nothing.
 */
export function subscriptionsAfter(current: number, replies: readonly Reply[]): number {
  let count = current;
  for (const reply of replies) {
    const items = reply.kind === 'array' || reply.kind === 'push' ? reply.items : null;
    const [kind, , total] = items ?? [];
    if (kind?.kind === 'bulk' && kind.value && SUBSCRIPTION_REPLY.has(utf8(kind.value)) && total?.kind === 'integer') count = Number(total.value);
  }
  return count;
}

/** The lines the console shows for a command's reply, as redis-cli prints them, with its note when a subscription starts. */
export function replyLines(words: readonly string[], replies: readonly Reply[]): string[] {
  const lines = replies.flatMap((reply) => formatFor(words, reply));
  const starts = SUBSCRIBING.has((words[0] ?? '').toUpperCase()) && replies.length > 0 && replies.every((reply) => reply.kind !== 'error');
  return starts ? [READING_MESSAGES, ...lines] : lines;
}

/** ↑/↓ through earlier lines as a shell does: the line being typed is kept while you look back. */
export class CommandHistory {
  private readonly lines: string[] = [];
  private at = 0;
  private draft = '';

  constructor(private readonly limit = 500) {}

  add(line: string): void {
    if (line.trim() !== '' && this.lines.at(-1) !== line) {
      this.lines.push(line);
      if (this.lines.length > this.limit) this.lines.shift();
    }
    this.at = this.lines.length;
    this.draft = '';
  }

  /** The earlier line to show for ↑, given what the box holds now. */
  up(current: string): string {
    if (this.at === this.lines.length) this.draft = current;
    if (this.at > 0) this.at--;
    return this.lines[this.at] ?? current;
  }

  /** The later line for ↓; past the newest, the line that was being typed. */
  down(current: string): string {
    if (this.at >= this.lines.length) return current;
    this.at++;
    return this.at === this.lines.length ? this.draft : (this.lines[this.at] ?? current);
  }
}
