/** Splits a redis-cli command line into arguments, with the quoting rules interactive redis-cli uses. */
import { utf8 } from './resp';

/** A command line redis-cli itself would reject with "Invalid argument(s)". */
export class ArgsError extends Error {
  constructor(
    message: string,
    /** 1-based file line of the command, when the caller knows it. */
    readonly line: number | undefined,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'ArgsError';
  }
}

const encoder = new TextEncoder();
const HEX = /^[0-9a-fA-F]{2}$/;
// Escapes redis-cli understands inside double quotes; any other `\c` stands for `c` itself.
const ESCAPES: Readonly<Record<string, number>> = { n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, a: 0x07 };
// Runs of characters that stand for themselves; taken whole, so a 10 MB value splits in milliseconds.
const PLAIN = /[^ \t\n\r"']+/y;
const IN_DOUBLE = /[^\\"]+/y;
const IN_SINGLE = /[^\\']+/y;

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

/** Where the run of `pattern` characters starting at `at` ends (`at` when there is none). */
function runEnd(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : at;
}

/** The bytes of one argument, gathered in pieces. */
class ArgBytes {
  private readonly parts: Uint8Array[] = [];
  text(s: string): void {
    if (s !== '') this.parts.push(encoder.encode(s));
  }
  byte(b: number): void {
    this.parts.push(Uint8Array.of(b));
  }
  bytes(): Uint8Array {
    if (this.parts.length === 1) return this.parts[0]!;
    const out = new Uint8Array(this.parts.reduce((n, part) => n + part.length, 0));
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/**
 * Returns each argument as bytes, because `\xHH` escapes may produce bytes that are not UTF-8.
 * Throws ArgsError for an unterminated quote or a closing quote glued to more text, as redis-cli does.
 */
export function splitArgs(text: string, line?: number): Uint8Array[] {
  const args: Uint8Array[] = [];
  let i = 0;
  while (i < text.length) {
    while (isSpace(text[i])) i++;
    if (i >= text.length) break;
    const arg = new ArgBytes();
    for (;;) {
      const ch = text[i];
      if (ch === undefined || isSpace(ch)) break;
      if (ch === '"') i = readDoubleQuoted(text, i + 1, arg, line);
      else if (ch === "'") i = readSingleQuoted(text, i + 1, arg, line);
      else {
        const end = runEnd(PLAIN, text, i);
        arg.text(text.slice(i, end));
        i = end;
      }
    }
    args.push(arg.bytes());
  }
  return args;
}

/** Same as splitArgs, decoded back to text for messages and command-name checks. */
export function splitArgsText(text: string, line?: number): string[] {
  return splitArgs(text, line).map((arg) => utf8(arg));
}

function readDoubleQuoted(text: string, start: number, arg: ArgBytes, line: number | undefined): number {
  let i = start;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) throw new ArgsError(`unbalanced double quote in \`${text}\`; close it or escape it as \\"`, line);
    if (ch === '\\' && text[i + 1] === 'x' && HEX.test(text.slice(i + 2, i + 4))) {
      arg.byte(Number.parseInt(text.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1] ?? '';
      const code = ESCAPES[next];
      if (code !== undefined) arg.byte(code);
      else arg.text(next);
      i += 2;
    } else if (ch === '\\') {
      arg.text(ch);
      i += 1;
    } else if (ch === '"') {
      return closeQuote(text, i, '"', line);
    } else {
      const end = runEnd(IN_DOUBLE, text, i);
      arg.text(text.slice(i, end));
      i = end;
    }
  }
}

function readSingleQuoted(text: string, start: number, arg: ArgBytes, line: number | undefined): number {
  let i = start;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) throw new ArgsError(`unbalanced single quote in \`${text}\`; close it or escape it as \\'`, line);
    if (ch === '\\' && text[i + 1] === "'") {
      arg.text("'");
      i += 2;
    } else if (ch === '\\') {
      arg.text(ch);
      i += 1;
    } else if (ch === "'") {
      return closeQuote(text, i, "'", line);
    } else {
      const end = runEnd(IN_SINGLE, text, i);
      arg.text(text.slice(i, end));
      i = end;
    }
  }
}

/** redis-cli refuses `"a"b`: a closing quote must end the argument. */
function closeQuote(text: string, at: number, quote: string, line: number | undefined): number {
  const after = text[at + 1];
  if (after !== undefined && !isSpace(after)) {
    throw new ArgsError(`closing ${quote} in \`${text}\` must be followed by a space or the end of the line`, line);
  }
  return at + 1;
}
