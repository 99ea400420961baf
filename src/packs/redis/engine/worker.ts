/**
 * The engine as a module Web Worker: `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`,
 * then post `{ type: 'init', wasmUrl }`. Message types and the Stop/reset rules: protocol.ts. The handler is
 * exported (attachEngineWorker) so Node tests can drive it with a fake scope.
 */
import { createRedisEngine, type EngineClient, EngineError, type RedisEngine } from './engine';
import type { WorkerErrorKind, WorkerRequest, WorkerResponse } from './protocol';

/** The part of a worker's global scope this file uses. */
export interface WorkerScopeLike {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerRequest }) => void): void;
}

export interface AttachOptions {
  /** How to start an engine for a wasm URL (Node tests pass one that reads the file). */
  createEngine?: (wasmUrl: string) => Promise<RedisEngine>;
  /** Transfer reply buffers instead of copying them (true in a real worker). */
  transfer?: boolean;
}

function errorKind(error: unknown): WorkerErrorKind {
  if (!(error instanceof EngineError)) return 'bad-request';
  return error.kind === 'engine-closed' ? 'unavailable' : error.kind;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function attachEngineWorker(scope: WorkerScopeLike, options: AttachOptions = {}): void {
  const createEngine = options.createEngine ?? ((wasmUrl: string) => createRedisEngine({ locateFile: () => wasmUrl }));
  let engine: RedisEngine | null = null;
  let state: 'new' | 'starting' | 'ready' | 'failed' = 'new';
  /** Requests that arrived while the engine was starting, resetting or restarting. */
  let waiting: WorkerRequest[] = [];
  const clients = new Map<string, EngineClient>();

  const post = (response: WorkerResponse, buffer?: Uint8Array) => {
    if (options.transfer && buffer) scope.postMessage(response, [buffer.buffer as ArrayBuffer]);
    else scope.postMessage(response);
  };

  const clientFor = (e: RedisEngine, name: string): EngineClient => {
    const existing = clients.get(name);
    if (existing && !existing.closed) return existing;
    const client = e.newClient();
    clients.set(name, client);
    client.onPush((bytes) => post({ type: 'push', client: name, push: bytes }, bytes));
    client.onClose((reason) => {
      if (clients.get(name) === client) clients.delete(name);
      if (reason === 'closed') post({ type: 'closed', client: name });
    });
    return client;
  };

  /** Runs a request now; the engine is ready. Commands queue inside the engine synchronously, so order holds. */
  const dispatch = (e: RedisEngine, request: WorkerRequest): void => {
    switch (request.type) {
      case 'init':
        return;
      case 'command': {
        const { id } = request;
        if (!Array.isArray(request.args) || request.args.length === 0) {
          post({ type: 'error', id, kind: 'bad-request', message: 'a command needs at least one argument' });
          return;
        }
        let client: EngineClient;
        try {
          client = clientFor(e, request.client);
        } catch (error) {
          post({ type: 'error', id, kind: errorKind(error), message: message(error) });
          return;
        }
        client.send(request.args).then(
          (reply) => post({ type: 'reply', id, reply }, reply),
          (error: unknown) => post({ type: 'error', id, kind: errorKind(error), message: message(error) }),
        );
        return;
      }
      case 'cancel':
        clients.get(request.client)?.cancel();
        return;
      case 'close': {
        const client = clients.get(request.client);
        clients.delete(request.client);
        client?.close();
        return;
      }
      case 'reset':
        restart(e, () => post({ type: 'reset-done', id: request.id, version: e.version }));
        return;
    }
  };

  /** A fresh server on the same compiled module; requests wait meanwhile. */
  const restart = (e: RedisEngine, done: () => void) => {
    state = 'starting';
    clients.clear();
    e.reset().then(
      () => {
        done();
        becomeReady(e);
      },
      (error: unknown) => fail(message(error)),
    );
  };

  const becomeReady = (e: RedisEngine) => {
    state = 'ready';
    const queued = waiting;
    waiting = [];
    for (const request of queued) {
      if (state !== 'ready') {
        waiting.push(request);
        continue;
      }
      dispatch(e, request);
    }
  };

  const fail = (reason: string) => {
    state = 'failed';
    post({ type: 'fatal', message: reason });
    const queued = waiting;
    waiting = [];
    for (const request of queued) refuse(request);
  };

  const refuse = (request: WorkerRequest) => {
    if (request.type === 'command' || request.type === 'reset') {
      post({ type: 'error', id: request.id, kind: 'unavailable', message: 'the engine is not loaded' });
    }
  };

  scope.addEventListener('message', (event) => {
    const request = event.data;
    if (request.type === 'init') {
      if (state !== 'new') return;
      state = 'starting';
      createEngine(request.wasmUrl).then(
        (e) => {
          engine = e;
          e.onCrash((reason) => {
            // The engine stopped: say so, and start a fresh one on the same compiled module.
            post({ type: 'crashed', message: reason });
            restart(e, () => {});
          });
          post({ type: 'ready', version: e.version });
          becomeReady(e);
        },
        (error: unknown) => fail(message(error)),
      );
      return;
    }
    if (state === 'ready' && engine) dispatch(engine, request);
    else if (state === 'failed') refuse(request);
    else waiting.push(request);
  });
}

// Started as a real worker: attach to its global scope (and do nothing when imported elsewhere).
const workerScope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
if (workerScope !== undefined && globalThis instanceof workerScope) {
  attachEngineWorker(globalThis as unknown as WorkerScopeLike, { transfer: true });
}
