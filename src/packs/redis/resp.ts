/**
 * RESP, the protocol redis-cli speaks: commands encoded, replies parsed. RESP2, and RESP3 too because a session
 * may switch protocol with `HELLO 3`. Bytes are Uint8Array, so this runs in Node and in the browser alike.
 */

export type Reply =
  | { kind: 'status'; text: string }
  | { kind: 'error'; text: string }
  // Redis integers are signed 64-bit; bigint keeps INCRBY results above 2^53 exact.
  | { kind: 'integer'; value: bigint }
  | { kind: 'bulk'; value: Uint8Array | null }
  | { kind: 'array'; items: Reply[] | null }
  // RESP3 only, after HELLO 3.
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  /** The server's own text for the number, which redis-cli prints unchanged. */
  | { kind: 'double'; text: string }
  | { kind: 'bignum'; text: string }
  | { kind: 'verbatim'; format: string; text: Uint8Array }
  | { kind: 'map'; entries: [Reply, Reply][] }
  | { kind: 'set'; items: Reply[] }
  | { kind: 'push'; items: Reply[] };

/** The connection failed, closed, timed out or received something that is not RESP2. */
export class RespError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RespError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Text of UTF-8 bytes. */
export const utf8 = (bytes: Uint8Array, start = 0, end = bytes.length): string => decoder.decode(bytes.subarray(start, end));

/** Joins byte arrays into one. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A command as RESP sends it: an array of bulk strings. */
export function encodeCommand(args: readonly (Uint8Array | string)[]): Uint8Array {
  const parts: Uint8Array[] = [encoder.encode(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = typeof arg === 'string' ? encoder.encode(arg) : arg;
    parts.push(encoder.encode(`$${bytes.length}\r\n`), bytes, CRLF);
  }
  return concatBytes(parts);
}

const CRLF = new Uint8Array([13, 10]);

/** Index of the next CRLF at or after `from`, or -1. */
function lineEnd(buf: Uint8Array, from: number): number {
  for (let i = from; i + 1 < buf.length; i++) if (buf[i] === 13 && buf[i + 1] === 10) return i;
  return -1;
}

/** Reads one reply starting at `offset`; undefined when the buffer does not hold all of it yet. */
export function parseReply(buf: Uint8Array, offset = 0): { reply: Reply; next: number } | undefined {
  const eol = lineEnd(buf, offset);
  if (eol === -1) return undefined;
  const type = String.fromCharCode(buf[offset] ?? 0);
  const line = utf8(buf, offset + 1, eol);
  const after = eol + 2;
  const done = (reply: Reply) => ({ reply, next: after });
  switch (type) {
    case '+':
      return done({ kind: 'status', text: line });
    case '-':
      return done({ kind: 'error', text: line });
    case ':':
      return done({ kind: 'integer', value: BigInt(line) });
    case '_':
      return done({ kind: 'null' });
    case '#':
      return done({ kind: 'boolean', value: line === 't' });
    case ',':
      return done({ kind: 'double', text: line });
    case '(':
      return done({ kind: 'bignum', text: line });
    case '$':
    case '!':
    case '=': {
      const length = Number(line);
      if (length < 0) return done({ kind: 'bulk', value: null });
      if (buf.length < after + length + 2) return undefined;
      // Copy so the reply does not pin the whole receive buffer.
      const bytes = new Uint8Array(buf.subarray(after, after + length));
      const next = after + length + 2;
      if (type === '!') return { reply: { kind: 'error', text: utf8(bytes) }, next };
      // A verbatim string starts with a three-letter format and a colon, e.g. `txt:`.
      if (type === '=') return { reply: { kind: 'verbatim', format: utf8(bytes, 0, 3), text: bytes.subarray(4) }, next };
      return { reply: { kind: 'bulk', value: bytes }, next };
    }
    case '*':
    case '~':
    case '>':
    case '%':
    case '|': {
      const count = Number(line);
      if (count < 0) return done({ kind: 'array', items: null });
      const items: Reply[] = [];
      let next = after;
      for (let k = 0; k < (type === '%' || type === '|' ? 2 * count : count); k++) {
        const item = parseReply(buf, next);
        if (!item) return undefined;
        items.push(item.reply);
        next = item.next;
      }
      if (type === '|') {
        // Attributes annotate the reply that follows; redis-cli does not show them.
        return parseReply(buf, next);
      }
      if (type === '%') return { reply: { kind: 'map', entries: pairs(items) }, next };
      if (type === '~') return { reply: { kind: 'set', items }, next };
      if (type === '>') return { reply: { kind: 'push', items }, next };
      return { reply: { kind: 'array', items }, next };
    }
    default:
      throw new RespError(`unexpected reply type ${JSON.stringify(type)} from the server: this is not RESP`);
  }
}

function pairs(items: readonly Reply[]): [Reply, Reply][] {
  const out: [Reply, Reply][] = [];
  for (let k = 0; k + 1 < items.length; k += 2) {
    const key = items[k];
    const value = items[k + 1];
    if (key && value) out.push([key, value]);
  }
  return out;
}

