/** A TCP connection to a redis-server that sends one command at a time and matches replies in order. */
import { Socket } from 'node:net';
import { Inbox } from '../inbox';
import { concatBytes, encodeCommand, parseReply, RespError, utf8, type Reply } from '../resp';

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

/** One TCP connection; replies are matched to commands in order, anything else is kept as a message. */
export class RespConnection {
  private buffer: Uint8Array = new Uint8Array(0);
  private readonly pending: Pending[] = [];
  /** What arrived with no command waiting: pub/sub and MONITOR messages, RESP3 pushes. */
  private readonly messages = new Inbox();
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
  command(args: readonly (Uint8Array | string)[], timeoutMs = 10_000): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const first = args[0] ?? '';
        const name = (typeof first === 'string' ? first : utf8(first)).toUpperCase();
        // The connection's state is unknown once a reply is overdue, so nothing else may use it.
        this.fail(new RespError(`no reply to ${name} within ${timeoutMs / 1000} s`));
        this.socket.destroy();
      }, timeoutMs);
      this.pending.push({ resolve, reject, timer });
      this.socket.write(encodeCommand(args));
    });
  }

  /** Sends a command whose answers arrive as messages (SUBSCRIBE, MONITOR): read them with `readMessages`. */
  send(args: readonly (Uint8Array | string)[]): void {
    if (this.failure) throw this.failure;
    this.socket.write(encodeCommand(args));
  }

  /** The next `count` messages, or those that arrived within `timeoutMs`. */
  readMessages(count: number, timeoutMs: number): Promise<Reply[]> {
    return this.messages.take(count, timeoutMs);
  }

  /** The client's own port: the server lists the connection as `addr=127.0.0.1:<localPort>`. */
  get localPort(): number | undefined {
    return this.socket.localPort;
  }

  close(): void {
    this.failure ??= new RespError('the connection was closed');
    this.messages.end();
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : concatBytes([this.buffer, chunk]);
    try {
      let parsed = parseReply(this.buffer);
      while (parsed) {
        this.buffer = this.buffer.subarray(parsed.next);
        // Push messages (RESP3 invalidations, pub/sub) answer no command, so they are not replies.
        const waiter = parsed.reply.kind === 'push' ? undefined : this.pending.shift();
        if (waiter) {
          clearTimeout(waiter.timer);
          waiter.resolve(parsed.reply);
        } else {
          this.messages.put(parsed.reply);
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
    this.messages.end();
    for (const waiter of this.pending.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(this.failure);
    }
  }
}
