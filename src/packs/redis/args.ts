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

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

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
    const bytes: number[] = [];
    const put = (s: string) => bytes.push(...encoder.encode(s));
    let done = false;
    while (!done) {
      const ch = text[i];
      if (ch === undefined || isSpace(ch)) {
        done = true;
      } else if (ch === '"') {
        i = readDoubleQuoted(text, i + 1, bytes, put, line);
      } else if (ch === "'") {
        i = readSingleQuoted(text, i + 1, put, line);
      } else {
        // Take a whole code point so astral characters are encoded correctly.
        const cp = text.codePointAt(i) ?? 0;
        const char = String.fromCodePoint(cp);
        put(char);
        i += char.length;
      }
    }
    args.push(Uint8Array.from(bytes));
  }
  return args;
}

/** Same as splitArgs, decoded back to text for messages and command-name checks. */
export function splitArgsText(text: string, line?: number): string[] {
  return splitArgs(text, line).map((arg) => utf8(arg));
}

function readDoubleQuoted(text: string, start: number, bytes: number[], put: (s: string) => void, line: number | undefined): number {
  let i = start;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) throw new ArgsError(`unbalanced double quote in \`${text}\`; close it or escape it as \\"`, line);
    if (ch === '\\' && text[i + 1] === 'x' && HEX.test(text.slice(i + 2, i + 4))) {
      bytes.push(Number.parseInt(text.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1] ?? '';
      const code = ESCAPES[next];
      if (code !== undefined) bytes.push(code);
      else put(next);
      i += 2;
    } else if (ch === '"') {
      return closeQuote(text, i, '"', line);
    } else {
      const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
      put(char);
      i += char.length;
    }
  }
}

function readSingleQuoted(text: string, start: number, put: (s: string) => void, line: number | undefined): number {
  let i = start;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) throw new ArgsError(`unbalanced single quote in \`${text}\`; close it or escape it as \\'`, line);
    if (ch === '\\' && text[i + 1] === "'") {
      put("'");
      i += 2;
    } else if (ch === "'") {
      return closeQuote(text, i, "'", line);
    } else {
      const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
      put(char);
      i += char.length;
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
