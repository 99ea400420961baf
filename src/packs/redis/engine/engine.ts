/**
 * The in-browser Redis engine: the real Redis 7.2.6 server (artifacts/redis-engine.wasm) running in this
 * thread, with in-process clients instead of sockets. Runs in Node (tests, the snippet verifier) and in a
 * Web Worker (worker.ts). Uses only Uint8Array/TextEncoder and WebAssembly, so it bundles for a browser.
 *
 * How a command travels: `client.send(args)` encodes the arguments as RESP and queues them. The engine
 * feeds one command at a time into Redis (rw_client_feed) and runs one event-loop step (rw_step): the
 * client's read handler parses and executes the command, beforeSleep writes the reply, and the inproc
 * connection hands the bytes back here (Module.rwOut). Bytes written to a client while its own command ran
 * are the reply; bytes that arrive at other times are pushes (pub/sub messages, invalidations), except the
 * reply of a blocking command, which resolves when Redis unblocks the client (data arrived, timeout,
 * cancel()). A timer keeps stepping the loop (serverCron, expiry, blocked timeouts) at the pace Redis asks for.
 */
import createRedisModule, { type RedisModule } from './artifacts/redis-engine.mjs';
import { type CommandArg, concatBytes, encodeCommand, firstElementName, splitFrames } from './resp';

export type { CommandArg } from './resp';

/** The wasm file name inside artifacts/ (what `locateFile` is asked for). */
export const WASM_FILE = 'redis-engine.wasm';

export interface RedisEngineOptions {
  /** The bytes of redis-engine.wasm (Node: read the file; see node.ts). */
  wasmBinary?: Uint8Array | ArrayBuffer;
  /** An already compiled module (shared between engines, or kept across a worker's resets). */
  wasmModule?: WebAssembly.Module;
  /** Where to fetch redis-engine.wasm from (e.g. a hashed asset URL). Default: beside this file. */
  locateFile?: (file: string) => string;
  /** Redis's log lines (loglevel warning). Default: dropped, nothing goes to the console. */
  onLog?: (line: string) => void;
  /** Step the event loop on a timer (default true). Tests may turn it off and call tick(). */
  autoTick?: boolean;
}

export type EngineErrorKind = 'closed' | 'reset' | 'crashed' | 'engine-closed';

/** Why a command did not get a reply. */
export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export interface EngineClient {
  /** The engine's handle for this connection (not Redis's CLIENT ID). */
  readonly handle: number;
  /** True once the connection is closed (by close(), QUIT, CLIENT KILL, a reset or a crash). */
  readonly closed: boolean;
  /**
   * Runs one command and resolves with the raw RESP bytes Redis wrote back (for SUBSCRIBE with several
   * channels, all the confirmations; for CLIENT REPLY OFF, nothing). A blocking command resolves when it is
   * served, times out or is cancelled. Commands from one client run in order; rejects with EngineError.
   */
  send(args: readonly CommandArg[]): Promise<Uint8Array>;
  /** Called with each push (one RESP value: a pub/sub message, an invalidation…). Returns an unsubscribe function. */
  onPush(listener: (bytes: Uint8Array) => void): () => void;
  /** Called once when the connection closes, with the reason. */
  onClose(listener: (reason: EngineErrorKind) => void): () => void;
  /** Ends the blocking command this client waits on, as if its timeout had expired. True if one was blocked. */
  cancel(): boolean;
  /** Closes the connection (Redis frees the client, its subscriptions, its blocking command). */
  close(): void;
}

export interface EngineStats {
  /** Size of the engine's WebAssembly memory, in bytes (it only grows). */
  wasmMemoryBytes: number;
  /** Open in-process clients. */
  clients: number;
}

export interface RedisEngine {
  /** The Redis version inside, e.g. "7.2.6". */
  readonly version: string;
  /** Set when the engine stopped (out of memory, an unkillable script…); reset() starts a fresh one. */
  readonly crashed: string | null;
  newClient(): EngineClient;
  /** A fresh server: all data, configuration and clients are gone (existing clients are closed). */
  reset(): Promise<void>;
  /** Runs one event-loop step now (the timer does this by itself). */
  tick(): void;
  /** Called when the engine stops with a fatal error. */
  onCrash(listener: (message: string) => void): () => void;
  stats(): EngineStats;
  close(): void;
}

// Client state bits from rw_client_state() (see c/rw_shim.c).
const STATE_OPEN = 1 << 0;
const STATE_BLOCKED = 1 << 1;
const STATE_PUBSUB = 1 << 2;
const STATE_RESP3 = 1 << 3;

const SUBSCRIBE_FAMILY = new Set(['subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe']);
const MESSAGE_KINDS = new Set(['message', 'pmessage', 'smessage']);
const MIN_TICK_MS = 10;
const MAX_TICK_MS = 1000;

interface Pending {
  bytes: Uint8Array;
  name: string;
  resolve: (reply: Uint8Array) => void;
  reject: (error: EngineError) => void;
  /** Fed to Redis and not answered yet. */
  started: boolean;
  /** Redis blocked the client on it (BLPOP, WAIT, XREAD BLOCK, CLIENT PAUSE…). */
  blocked: boolean;
}

/** Runs a listener; an exception in it is reported asynchronously instead of breaking the engine's step. */
function safely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

async function compileModule(options: RedisEngineOptions): Promise<WebAssembly.Module> {
  if (options.wasmModule) return options.wasmModule;
  if (options.wasmBinary) {
    const bytes = options.wasmBinary instanceof Uint8Array ? options.wasmBinary : new Uint8Array(options.wasmBinary);
    return WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
  }
  // The site passes locateFile; the bundler must not copy every file of artifacts/ for this fallback.
  const url = options.locateFile ? options.locateFile(WASM_FILE) : new URL(/* @vite-ignore */ `./artifacts/${WASM_FILE}`, import.meta.url).href;
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // Served without application/wasm: fall back to compiling the bytes.
    }
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

class Client implements EngineClient {
  queue: Pending[] = [];
  inflight: Pending | null = null;
  /** Bytes Redis wrote during the current step. */
  rx: Uint8Array[] = [];
  /** An incomplete reply tail (never expected: Redis writes whole replies). */
  partial: Uint8Array = new Uint8Array(0);
  state = STATE_OPEN;
  closed = false;
  closedInStep = false;
  closeReason: EngineErrorKind = 'closed';
  pushListeners = new Set<(bytes: Uint8Array) => void>();
  closeListeners = new Set<(reason: EngineErrorKind) => void>();

  constructor(
    private readonly engine: Engine,
    readonly handle: number,
  ) {}

  send(args: readonly CommandArg[]): Promise<Uint8Array> {
    if (!Array.isArray(args) || args.length === 0) return Promise.reject(new TypeError('send() needs a non-empty array of arguments'));
    for (const arg of args) {
      if (typeof arg !== 'string' && !(arg instanceof Uint8Array)) {
        return Promise.reject(new TypeError('each argument must be a string or a Uint8Array'));
      }
    }
    if (this.closed) return Promise.reject(this.engine.closedError(this.closeReason));
    const first = args[0]!;
    const name = (typeof first === 'string' ? first : new TextDecoder().decode(first)).toLowerCase();
    return new Promise<Uint8Array>((resolve, reject) => {
      this.queue.push({ bytes: encodeCommand(args), name, resolve, reject, started: false, blocked: false });
      this.engine.pump();
    });
  }

  onPush(listener: (bytes: Uint8Array) => void): () => void {
    this.pushListeners.add(listener);
    return () => this.pushListeners.delete(listener);
  }

  onClose(listener: (reason: EngineErrorKind) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  cancel(): boolean {
    return this.engine.cancel(this);
  }

  close(): void {
    this.engine.closeClient(this, 'closed');
  }

  push(frame: Uint8Array): void {
    for (const listener of this.pushListeners) safely(() => listener(frame));
  }

  /** Ends the connection on our side: rejects what is pending and tells listeners. */
  finish(reason: EngineErrorKind, error: EngineError): void {
    if (this.closed && this.queue.length === 0 && !this.inflight) return;
    const wasClosed = this.closed;
    this.closed = true;
    this.closeReason = reason;
    const pending = this.inflight ? [this.inflight, ...this.queue] : this.queue;
    this.inflight = null;
    this.queue = [];
    for (const p of pending) p.reject(error);
    if (!wasClosed) for (const listener of this.closeListeners) safely(() => listener(reason));
  }
}

class Engine implements RedisEngine {
  version = '';
  crashed: string | null = null;
  private module!: RedisModule;
  private clients = new Map<number, Client>();
  private order: Client[] = [];
  private next = 0;
  private pumping = false;
  private closedForGood = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerDue = Infinity;
  private fatalMessage: string | null = null;
  private crashListeners = new Set<(message: string) => void>();
  /** Between reset() and the fresh server being up: no new clients. */
  private starting = false;

  constructor(
    private readonly compiled: WebAssembly.Module,
    private readonly options: RedisEngineOptions,
  ) {}

  async start(): Promise<void> {
    this.starting = true;
    try {
      await this.boot();
    } finally {
      this.starting = false;
    }
    this.schedule(MAX_TICK_MS);
  }

  private async boot(): Promise<void> {
    const onLog = this.options.onLog;
    const log = (line: string) => {
      if (onLog) safely(() => onLog(line));
    };
    const compiled = this.compiled;
    const module = await createRedisModule({
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(compiled, imports).then(
          (instance) => receive(instance, compiled),
          (error: unknown) => log(`instantiate failed: ${String(error)}`),
        );
        return {};
      },
      print: log,
      printErr: log,
      rwOut: (handle: number, bytes: Uint8Array) => {
        const client = this.clients.get(handle);
        if (client) client.rx.push(bytes.slice());
      },
      rwClosed: (handle: number) => {
        const client = this.clients.get(handle);
        if (client) client.closedInStep = true;
      },
      rwFatal: (message: string) => {
        this.fatalMessage = message;
      },
    });
    this.module = module;
    this.fatalMessage = null;
    this.crashed = null;
    if (this.call(() => module._rw_init()) !== 0) throw new Error('the Redis engine did not start');
    this.version = module.UTF8ToString(module._rw_version());
  }

  closedError(reason: EngineErrorKind): EngineError {
    switch (reason) {
      case 'reset':
        return new EngineError('reset', 'the engine was reset: open a new client');
      case 'crashed':
        return new EngineError('crashed', `the engine stopped: ${this.crashed ?? 'unknown error'}`);
      case 'engine-closed':
        return new EngineError('engine-closed', 'the engine is closed');
      default:
        return new EngineError('closed', 'the connection is closed');
    }
  }

  /** Every call into wasm goes through here: a trap or exit() stops the engine instead of leaking out half-done. */
  private call<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      this.crash(error);
      throw this.closedError('crashed');
    }
  }

  private crash(error: unknown): void {
    if (this.crashed) return;
    const detail = error instanceof Error ? error.message : String(error);
    this.crashed = this.fatalMessage ?? `Redis stopped (${detail})`;
    this.clearTimer();
    const failure = this.closedError('crashed');
    for (const client of this.order) client.finish('crashed', failure);
    this.clients.clear();
    this.order = [];
    // A server that fails while starting is reported by start() itself (no restart loop).
    const message = this.crashed;
    if (!this.starting) for (const listener of this.crashListeners) safely(() => listener(message));
  }

  private get usable(): boolean {
    return !this.crashed && !this.closedForGood && !this.starting;
  }

  newClient(): EngineClient {
    if (this.closedForGood) throw this.closedError('engine-closed');
    if (this.starting) throw new EngineError('reset', 'the engine is restarting: wait for reset() to finish');
    if (this.crashed) throw this.closedError('crashed');
    const handle = this.call(() => this.module._rw_client_new());
    if (handle <= 0) throw new EngineError('closed', 'ERR max number of clients reached');
    const client = new Client(this, handle);
    this.clients.set(handle, client);
    this.order.push(client);
    return client;
  }

  /** Feeds queued commands one at a time (one per step, so every byte can be attributed), until none can run. */
  pump(): void {
    if (this.pumping || !this.usable) return;
    this.pumping = true;
    try {
      while (this.usable) {
        const client = this.pickReady();
        if (!client) break;
        const command = client.queue.shift()!;
        client.inflight = command;
        command.started = true;
        this.feed(client, command.bytes);
        this.step(client);
      }
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
    } finally {
      this.pumping = false;
    }
  }

  private pickReady(): Client | null {
    const count = this.order.length;
    for (let i = 0; i < count; i++) {
      const client = this.order[(this.next + i) % count]!;
      if (!client.closed && !client.inflight && client.queue.length > 0) {
        this.next = (this.next + i + 1) % count;
        return client;
      }
    }
    return null;
  }

  private feed(client: Client, bytes: Uint8Array): void {
    const module = this.module;
    this.call(() => {
      const ptr = module._malloc(bytes.length);
      if (!ptr) throw new Error('out of memory');
      module.HEAPU8.set(bytes, ptr);
      module._rw_client_feed(client.handle, ptr, bytes.length); // takes ownership of ptr
    });
  }

  /** One event-loop step, then hand every byte Redis wrote to the right promise or push listener. */
  private step(fed: Client | null): void {
    const delay = this.call(() => this.module._rw_step());
    for (const client of [...this.order]) {
      if (client.rx.length === 0 && !client.closedInStep && client !== fed && !client.inflight?.blocked) continue;
      this.collect(client, client === fed);
    }
    this.order = this.order.filter((client) => !client.closed);
    this.schedule(delay);
  }

  private collect(client: Client, fedThisStep: boolean): void {
    const before = client.state;
    const chunks = client.partial.length ? [client.partial, ...client.rx] : client.rx;
    client.rx = [];
    const { frames, rest } = splitFrames(chunks.length ? concatBytes(chunks) : new Uint8Array(0));
    client.partial = rest.slice();
    const after = client.closedInStep ? 0 : this.call(() => this.module._rw_client_state(client.handle));
    client.state = after;

    const command = client.inflight;
    const waiting = command && (fedThisStep || command.blocked);
    const reply: Uint8Array[] = [];
    const pushes: Uint8Array[] = [];
    for (const frame of frames) {
      if (waiting && !this.isPush(frame, fedThisStep, command.name, before)) reply.push(frame);
      else pushes.push(frame);
    }

    if (command && waiting) {
      const stillBlocked = (after & STATE_BLOCKED) !== 0;
      if (stillBlocked) {
        command.blocked = true;
      } else if (after & STATE_OPEN || reply.length > 0) {
        // Answered (QUIT's +OK counts even though the connection then closes). An empty reply is
        // possible: CLIENT REPLY OFF/SKIP.
        client.inflight = null;
        command.resolve(reply.length === 1 ? reply[0]!.slice() : concatBytes(reply).slice());
      }
      // Otherwise the server closed the connection without answering (CLIENT KILL, an output buffer
      // limit): finish() below rejects the command.
    }
    for (const frame of pushes) client.push(frame.slice());

    if (client.closedInStep) {
      client.closedInStep = false;
      this.clients.delete(client.handle);
      client.finish('closed', new EngineError('closed', 'the server closed the connection (QUIT, CLIENT KILL or an output buffer limit)'));
    }
  }

  /**
   * Is this value a push rather than (part of) the reply? RESP3 marks pushes with `>`, but the
   * (un)subscribe confirmations are `>` values too and are the reply of SUBSCRIBE & co. In RESP2 a
   * subscribed client receives pub/sub messages as arrays starting with "message"/"pmessage"/"smessage".
   */
  private isPush(frame: Uint8Array, ownStep: boolean, command: string, stateBefore: number): boolean {
    if (frame[0] === 0x3e) {
      const kind = firstElementName(frame);
      return !(ownStep && SUBSCRIBE_FAMILY.has(command) && kind !== null && SUBSCRIBE_FAMILY.has(kind));
    }
    if (frame[0] === 0x2a && stateBefore & STATE_PUBSUB && !(stateBefore & STATE_RESP3)) {
      const kind = firstElementName(frame);
      return kind !== null && MESSAGE_KINDS.has(kind);
    }
    return false;
  }

  cancel(client: Client): boolean {
    if (!this.usable || client.closed) return false;
    const unblocked = this.call(() => this.module._rw_client_unblock(client.handle)) === 1;
    if (unblocked) {
      this.step(null); // writes the timeout reply and resolves the command
      this.pump();
    }
    return unblocked;
  }

  closeClient(client: Client, reason: EngineErrorKind): void {
    if (client.closed) return;
    if (this.usable) {
      this.call(() => this.module._rw_client_close(client.handle));
      client.closedInStep = false;
    }
    this.clients.delete(client.handle);
    this.order = this.order.filter((c) => c !== client);
    client.finish(reason, this.closedError(reason));
  }

  tick(): void {
    if (!this.usable) return;
    try {
      this.step(null);
      this.pump();
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
    }
  }

  private schedule(delayMs: number): void {
    if (this.options.autoTick === false || !this.usable) return;
    const delay = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, delayMs || MAX_TICK_MS));
    const due = Date.now() + delay;
    if (this.timer && this.timerDue <= due) return;
    this.clearTimer();
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerDue = Infinity;
      this.tick();
    }, delay);
    // Node: an idle engine must not keep the process alive; one with a blocked command must.
    if (!this.order.some((client) => client.inflight)) (this.timer as { unref?: () => void }).unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerDue = Infinity;
  }

  async reset(): Promise<void> {
    if (this.closedForGood) throw this.closedError('engine-closed');
    this.clearTimer();
    const error = this.closedError('reset');
    for (const client of this.order) client.finish('reset', error);
    this.clients.clear();
    this.order = [];
    this.next = 0;
    await this.start();
  }

  onCrash(listener: (message: string) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  stats(): EngineStats {
    return { wasmMemoryBytes: this.module.HEAPU8.length, clients: this.order.filter((c) => !c.closed).length };
  }

  close(): void {
    if (this.closedForGood) return;
    this.closedForGood = true;
    this.clearTimer();
    const error = this.closedError('engine-closed');
    for (const client of this.order) client.finish('engine-closed', error);
    this.clients.clear();
    this.order = [];
  }
}

/** Starts the Redis server in this thread and resolves when it accepts clients. */
export async function createRedisEngine(options: RedisEngineOptions = {}): Promise<RedisEngine> {
  const engine = new Engine(await compileModule(options), options);
  await engine.start();
  return engine;
}
