/**
 * RESP2/RESP3 helpers with no dependencies (Uint8Array and TextDecoder only, so they bundle for a
 * browser): encode a command, split a byte stream into whole replies, and decode a reply into plain
 * values for tests and tools.
 */

const CR = 13;
const LF = 10;
const decoder = new TextDecoder();

export type CommandArg = string | Uint8Array;

// One encoder for commands, shared with the verifier and the console (../resp.ts).
export { concatBytes, encodeCommand } from '../resp';

/** Index just past the CRLF that ends the line starting at `start`, or -1 if the line is incomplete. */
function lineEnd(buf: Uint8Array, start: number): number {
  for (let i = start; i + 1 < buf.length; i++) {
    if (buf[i] === CR && buf[i + 1] === LF) return i + 2;
  }
  return -1;
}

function lineNumber(buf: Uint8Array, start: number, end: number): number {
  return Number(decoder.decode(buf.subarray(start + 1, end - 2)));
}

/**
 * The index just past the RESP value that starts at `start`, or -1 if `buf` does not hold all of it yet.
 * Throws on a byte that cannot start a RESP value.
 */
export function frameEnd(buf: Uint8Array, start = 0): number {
  // An explicit stack instead of recursion: a deeply nested reply cannot overflow the JS stack.
  let pos = start;
  let pending = 1; // values still to read at the current level
  const stack: number[] = [];
  while (true) {
    if (pending === 0) {
      if (stack.length === 0) return pos;
      pending = stack.pop()!;
      continue;
    }
    if (pos >= buf.length) return -1;
    const type = buf[pos]!;
    const end = lineEnd(buf, pos);
    if (end < 0) return -1;
    pending--;
    switch (type) {
      case 0x2b: // + simple string
      case 0x2d: // - error
      case 0x3a: // : integer
      case 0x5f: // _ null
      case 0x2c: // , double
      case 0x23: // # boolean
      case 0x28: // ( big number
        pos = end;
        break;
      case 0x24: // $ bulk string
      case 0x21: // ! bulk error
      case 0x3d: {
        // = verbatim string
        const len = lineNumber(buf, pos, end);
        if (len < 0) {
          pos = end;
          break;
        }
        if (end + len + 2 > buf.length) return -1;
        pos = end + len + 2;
        break;
      }
      case 0x2a: // * array
      case 0x7e: // ~ set
      case 0x3e: // > push
      case 0x25: // % map
      case 0x7c: {
        // | attribute (followed by the value it describes)
        const count = lineNumber(buf, pos, end);
        pos = end;
        let children = count < 0 ? 0 : count;
        if (type === 0x25 || type === 0x7c) children *= 2;
        if (type === 0x7c) pending++; // the attributed value still follows
        stack.push(pending);
        pending = children;
        break;
      }
      default:
        throw new Error(`not a RESP value: byte 0x${type.toString(16)} at offset ${pos}`);
    }
  }
}

/** Splits bytes into whole RESP values; `rest` is an incomplete tail to prepend to the next bytes. */
export function splitFrames(buf: Uint8Array): { frames: Uint8Array[]; rest: Uint8Array } {
  const frames: Uint8Array[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const end = frameEnd(buf, pos);
    if (end < 0) break;
    frames.push(buf.subarray(pos, end));
    pos = end;
  }
  return { frames, rest: buf.subarray(pos) };
}

/**
 * For an aggregate (`*`, `>`) whose first element is a bulk or simple string, that string in lower case
 * (e.g. "message", "subscribe", "invalidate"); otherwise null.
 */
export function firstElementName(frame: Uint8Array): string | null {
  const first = frame[0];
  if (first !== 0x2a && first !== 0x3e) return null;
  const head = lineEnd(frame, 0);
  if (head < 0 || head >= frame.length) return null;
  const type = frame[head];
  const line = lineEnd(frame, head);
  if (line < 0) return null;
  if (type === 0x2b) return decoder.decode(frame.subarray(head + 1, line - 2)).toLowerCase();
  if (type !== 0x24) return null;
  const len = lineNumber(frame, head, line);
  if (len < 0 || line + len > frame.length) return null;
  return decoder.decode(frame.subarray(line, line + len)).toLowerCase();
}

/** An error reply (`-ERR …` or `!…`). */
export class RespError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RespError';
  }
}

/** A RESP3 push (`>`), kept apart from an ordinary array. */
export class RespPush {
  constructor(readonly items: RespValue[]) {}
}

export type RespValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | RespError
  | RespPush
  | RespValue[]
  | Map<RespValue, RespValue>;

/** Decodes one whole RESP value (bulk strings as UTF-8 text; `%` maps as Map; `~` sets as arrays). */
export function decodeResp(buf: Uint8Array): RespValue {
  const [value, end] = decodeAt(buf, 0);
  if (end !== buf.length) throw new Error(`trailing bytes after a RESP value (${buf.length - end})`);
  return value;
}

/** Decodes every whole RESP value in `buf`. */
export function decodeAll(buf: Uint8Array): RespValue[] {
  return splitFrames(buf).frames.map((frame) => decodeResp(frame));
}

function decodeAt(buf: Uint8Array, pos: number): [RespValue, number] {
  const type = buf[pos];
  const end = lineEnd(buf, pos);
  if (end < 0) throw new Error('incomplete RESP value');
  const text = () => decoder.decode(buf.subarray(pos + 1, end - 2));
  switch (type) {
    case 0x2b:
      return [text(), end];
    case 0x2d:
      return [new RespError(text()), end];
    case 0x3a:
      return [Number(text()), end];
    case 0x5f:
      return [null, end];
    case 0x2c: {
      const t = text();
      return [t === 'inf' ? Infinity : t === '-inf' ? -Infinity : Number(t), end];
    }
    case 0x23:
      return [text() === 't', end];
    case 0x28:
      return [BigInt(text()), end];
    case 0x24:
    case 0x21:
    case 0x3d: {
      const len = Number(text());
      if (len < 0) return [null, end];
      let body = decoder.decode(buf.subarray(end, end + len));
      if (type === 0x3d) body = body.slice(4); // "txt:" / "mkd:"
      return [type === 0x21 ? new RespError(body) : body, end + len + 2];
    }
    case 0x2a:
    case 0x7e:
    case 0x3e: {
      const count = Number(text());
      if (count < 0) return [null, end];
      const items: RespValue[] = [];
      let next = end;
      for (let i = 0; i < count; i++) {
        const [item, after] = decodeAt(buf, next);
        items.push(item);
        next = after;
      }
      return [type === 0x3e ? new RespPush(items) : items, next];
    }
    case 0x25: {
      const count = Number(text());
      const map = new Map<RespValue, RespValue>();
      let next = end;
      for (let i = 0; i < count; i++) {
        const [key, afterKey] = decodeAt(buf, next);
        const [value, afterValue] = decodeAt(buf, afterKey);
        map.set(key, value);
        next = afterValue;
      }
      return [map, next];
    }
    case 0x7c: {
      // Attributes are metadata: skip them and return the value they describe.
      const count = Number(text());
      let next = end;
      for (let i = 0; i < count * 2; i++) next = decodeAt(buf, next)[1];
      return decodeAt(buf, next);
    }
    default:
      throw new Error(`not a RESP value: byte 0x${(type ?? 0).toString(16)} at offset ${pos}`);
  }
}

/** The bytes as text, for messages and tests. */
export function bytesToText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
