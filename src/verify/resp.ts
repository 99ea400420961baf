/**
 * A minimal RESP client: enough to replay a lesson's redis-cli session one command at a time. It speaks
 * RESP2, and also reads RESP3 replies because a session may switch protocol with `HELLO 3`.
 */
import { Socket } from 'node:net';

export type Reply =
  | { kind: 'status'; text: string }
  | { kind: 'error'; text: string }
  // Redis integers are signed 64-bit; bigint keeps INCRBY results above 2^53 exact.
  | { kind: 'integer'; value: bigint }
  | { kind: 'bulk'; value: Buffer | null }
  | { kind: 'array'; items: Reply[] | null }
  // RESP3 only, after HELLO 3.
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  /** The server's own text for the number, which redis-cli prints unchanged. */
  | { kind: 'double'; text: string }
  | { kind: 'bignum'; text: string }
  | { kind: 'verbatim'; format: string; text: Buffer }
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

const CRLF = Buffer.from('\r\n');

/** A command as RESP sends it: an array of bulk strings. */
export function encodeCommand(args: readonly (Buffer | string)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = typeof arg === 'string' ? Buffer.from(arg, 'utf8') : arg;
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, CRLF);
  }
  return Buffer.concat(parts);
}

/** Reads one reply starting at `offset`; undefined when the buffer does not hold all of it yet. */
export function parseReply(buf: Buffer, offset = 0): { reply: Reply; next: number } | undefined {
  const eol = buf.indexOf(CRLF, offset);
  if (eol === -1) return undefined;
  const type = String.fromCharCode(buf[offset] ?? 0);
  const line = buf.toString('utf8', offset + 1, eol);
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
      const bytes = Buffer.from(buf.subarray(after, after + length));
      const next = after + length + 2;
      if (type === '!') return { reply: { kind: 'error', text: bytes.toString('utf8') }, next };
      // A verbatim string starts with a three-letter format and a colon, e.g. `txt:`.
      if (type === '=') return { reply: { kind: 'verbatim', format: bytes.toString('utf8', 0, 3), text: bytes.subarray(4) }, next };
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

export interface ConnectOptions {
  host?: string;
  port: number;
  /** How long to wait for the TCP connection. */
  connectTimeoutMs?: number;
}

interface Pending {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** One TCP connection; replies are matched to commands in order. */
export class RespConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private failure: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(new RespError(`connection error: ${error.message}`)));
    socket.on('close', () => this.fail(new RespError('the server closed the connection')));
  }

  static connect({ host = '127.0.0.1', port, connectTimeoutMs = 2000 }: ConnectOptions): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new RespError(`could not connect to ${host}:${port} within ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new RespError(`could not connect to ${host}:${port}: ${error.message}`));
      });
      socket.connect(port, host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(new RespConnection(socket));
      });
    });
  }

  /** Sends one command and waits for its reply; a Redis error is a reply, not a rejection. */
  command(args: readonly (Buffer | string)[], timeoutMs = 10_000): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const name = String(args[0] ?? '').toUpperCase();
        // The connection's state is unknown once a reply is overdue, so nothing else may use it.
        this.fail(new RespError(`no reply to ${name} within ${timeoutMs / 1000} s`));
        this.socket.destroy();
      }, timeoutMs);
      this.pending.push({ resolve, reject, timer });
      this.socket.write(encodeCommand(args));
    });
  }

  close(): void {
    this.failure ??= new RespError('the connection was closed');
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      let parsed = parseReply(this.buffer);
      while (parsed) {
        this.buffer = this.buffer.subarray(parsed.next);
        // Push messages (RESP3 invalidations, pub/sub) answer no command, so they are not replies.
        const waiter = parsed.reply.kind === 'push' ? undefined : this.pending.shift();
        if (waiter) {
          clearTimeout(waiter.timer);
          waiter.resolve(parsed.reply);
        }
        parsed = this.buffer.length > 0 ? parseReply(this.buffer) : undefined;
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new RespError(String(error)));
      this.socket.destroy();
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(this.failure);
    }
  }
}
