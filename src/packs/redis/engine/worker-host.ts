/**
 * Page side of the engine worker: starts the worker on first use, matches replies to commands, and
 * implements Stop (terminate the worker, start a new one: all data is reset; see protocol.ts).
 *
 *   const redis = createWorkerEngine({
 *     createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
 *     wasmUrl: hashedWasmUrl,
 *   });
 *   const reply = await redis.send('terminal-1', ['SET', 'k', 'v']); // raw RESP bytes
 */
import type { CommandArgument, WorkerErrorKind, WorkerRequest, WorkerResponse } from './protocol';

/** What the host needs from a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerResponse }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate(): void;
}

export class WorkerEngineError extends Error {
  constructor(
    readonly kind: WorkerErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerEngineError';
  }
}

export interface WorkerEngineOptions {
  createWorker: () => WorkerLike;
  wasmUrl: string;
  /** The server's data was lost: after stop(), a crash, or reset(). The page should tell the learner. */
  onRestart?: (why: 'stopped' | 'crashed' | 'reset', detail: string) => void;
  onPush?: (client: string, push: Uint8Array) => void;
  onClientClosed?: (client: string) => void;
}

export interface WorkerEngine {
  /** Resolves with the Redis version once the engine is loaded (starts the worker). */
  ready(): Promise<string>;
  send(client: string, args: CommandArgument[]): Promise<Uint8Array>;
  cancel(client: string): void;
  closeClient(client: string): void;
  /** A fresh server in the same worker. */
  reset(): Promise<void>;
  /** Stop now, whatever Redis is doing: terminates the worker; the next call starts a new one. */
  stop(): void;
  /** Terminates the worker for good. */
  dispose(): void;
}

interface Waiter {
  resolve: (value: Uint8Array) => void;
  reject: (error: WorkerEngineError) => void;
}

export function createWorkerEngine(options: WorkerEngineOptions): WorkerEngine {
  let worker: WorkerLike | null = null;
  let readyPromise: Promise<string> | null = null;
  /** Rejects the start under way, so that a stop() while the engine loads does not leave ready() and commands waiting. */
  let abortStart: ((error: WorkerEngineError) => void) | null = null;
  let nextId = 1;
  let disposed = false;
  const waiters = new Map<number, Waiter>();
  const resets = new Map<number, () => void>();

  const rejectAll = (kind: WorkerErrorKind, message: string) => {
    for (const waiter of waiters.values()) waiter.reject(new WorkerEngineError(kind, message));
    waiters.clear();
  };

  const start = (): Promise<string> => {
    if (disposed) return Promise.reject(new WorkerEngineError('unavailable', 'the engine was disposed'));
    if (readyPromise) return readyPromise;
    const current = options.createWorker();
    worker = current;
    readyPromise = new Promise<string>((resolve, reject) => {
      abortStart = reject;
      current.addEventListener('message', (event) => {
        if (worker !== current) return;
        const data = event.data;
        switch (data.type) {
          case 'ready':
            resolve(data.version);
            return;
          case 'fatal':
            reject(new WorkerEngineError('unavailable', data.message));
            rejectAll('unavailable', data.message);
            return;
          case 'reply':
            waiters.get(data.id)?.resolve(data.reply);
            waiters.delete(data.id);
            return;
          case 'error':
            waiters.get(data.id)?.reject(new WorkerEngineError(data.kind, data.message));
            waiters.delete(data.id);
            return;
          case 'push':
            options.onPush?.(data.client, data.push);
            return;
          case 'closed':
            options.onClientClosed?.(data.client);
            return;
          case 'reset-done':
            resets.get(data.id)?.();
            resets.delete(data.id);
            return;
          case 'crashed':
            options.onRestart?.('crashed', data.message);
            return;
        }
      });
      current.addEventListener('error', (event) => {
        if (worker !== current) return;
        const text = event instanceof Error ? event.message : 'the engine worker failed to start';
        reject(new WorkerEngineError('unavailable', text));
        rejectAll('unavailable', text);
      });
    });
    current.postMessage({ type: 'init', wasmUrl: options.wasmUrl });
    return readyPromise;
  };

  const request = (build: (id: number) => WorkerRequest): Promise<Uint8Array> =>
    start().then(
      () =>
        new Promise<Uint8Array>((resolve, reject) => {
          const id = nextId++;
          waiters.set(id, { resolve, reject });
          worker!.postMessage(build(id));
        }),
    );

  return {
    ready: start,
    send: (client, args) => request((id) => ({ type: 'command', id, client, args })),
    cancel: (client) => {
      if (worker) worker.postMessage({ type: 'cancel', client });
    },
    closeClient: (client) => {
      if (worker) worker.postMessage({ type: 'close', client });
    },
    reset: () =>
      start().then(
        () =>
          new Promise<void>((resolve) => {
            const id = nextId++;
            resets.set(id, () => {
              options.onRestart?.('reset', 'the server was reset');
              resolve();
            });
            worker!.postMessage({ type: 'reset', id });
          }),
      ),
    stop: () => {
      if (!worker) return;
      worker.terminate();
      worker = null;
      readyPromise = null;
      abortStart?.(new WorkerEngineError('stopped', 'stopped: the engine was restarted and its data is gone'));
      rejectAll('stopped', 'stopped: the engine was restarted and its data is gone');
      for (const done of resets.values()) done();
      resets.clear();
      options.onRestart?.('stopped', 'the engine was stopped and will restart empty');
    },
    dispose: () => {
      disposed = true;
      worker?.terminate();
      worker = null;
      readyPromise = null;
      abortStart?.(new WorkerEngineError('unavailable', 'the engine was disposed'));
      rejectAll('unavailable', 'the engine was disposed');
    },
  };
}
