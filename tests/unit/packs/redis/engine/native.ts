/** A native redis-server for the differential test: started on 127.0.0.1 with the engine's settings, talked to over TCP. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../../../src/free-port';
import { type CommandArg, concatBytes, encodeCommand, frameEnd } from '../../../../../src/packs/redis/engine/resp';

/** The server's settings that the engine fixes (c/rw_shim.c), so that both start alike. */
export const ENGINE_SETTINGS = [
  '--save', '',
  '--appendonly', 'no',
  '--maxmemory', '64mb',
  '--maxmemory-policy', 'noeviction',
  '--proto-max-bulk-len', '32mb',
  '--client-query-buffer-limit', '64mb',
  '--client-output-buffer-limit', 'normal 64mb 0 0',
  '--loglevel', 'warning',
];

/** One TCP connection; replies are read as whole RESP values, one per command. */
export class NativeConnection {
  private buffer: Uint8Array = new Uint8Array(0);
  private waiting: { count: number; resolve: (frames: Uint8Array[]) => void }[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Uint8Array) => {
      this.buffer = concatBytes([this.buffer, new Uint8Array(chunk)]);
      this.drain();
    });
  }

  static open(port: number): Promise<NativeConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new NativeConnection(socket)));
      socket.once('error', reject);
    });
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const next = this.waiting[0]!;
      const frames: Uint8Array[] = [];
      let pos = 0;
      while (frames.length < next.count) {
        const end = frameEnd(this.buffer, pos);
        if (end < 0) return;
        frames.push(this.buffer.slice(pos, end));
        pos = end;
      }
      this.buffer = this.buffer.slice(pos);
      this.waiting.shift();
      next.resolve(frames);
    }
  }

  /** Sends a command and resolves with the next `replies` RESP values, concatenated. */
  send(args: readonly CommandArg[], replies = 1): Promise<Uint8Array> {
    return new Promise((resolve) => {
      this.waiting.push({ count: replies, resolve: (frames) => resolve(concatBytes(frames)) });
      this.socket.write(encodeCommand(args));
    });
  }

  /** Resolves with the next `count` RESP values the server sends unasked (pub/sub messages). */
  receive(count: number): Promise<Uint8Array> {
    return new Promise((resolve) => {
      this.waiting.push({ count, resolve: (frames) => resolve(concatBytes(frames)) });
      this.drain();
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

export class NativeServer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async start(path: string): Promise<NativeServer> {
    const dir = mkdtempSync(join(tmpdir(), 'redis-engine-diff-'));
    const port = await freePort();
    const child = spawn(path, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--daemonize', 'no', ...ENGINE_SETTINGS], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const server = new NativeServer(child, dir, port);
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        const probe = await NativeConnection.open(port);
        probe.close();
        return server;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    server.stop();
    throw new Error(`${path} did not accept connections on 127.0.0.1:${port}`);
  }

  connect(): Promise<NativeConnection> {
    return NativeConnection.open(this.port);
  }

  stop(): void {
    this.child.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
