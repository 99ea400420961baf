/**
 * A Redis engine in its own Web Worker, for the page that asks: the Run buttons have one, each console another, so
 * that running a block (on a fresh server) never wipes the keys a learner typed. Nothing is fetched before this runs.
 */
import { createWorkerEngine, type WorkerEngine, type WorkerEngineOptions } from './engine/worker-host';

export function startBrowserEngine(options: Omit<WorkerEngineOptions, 'createWorker' | 'wasmUrl'> = {}): WorkerEngine {
  return createWorkerEngine({
    // Written out here so that the bundler emits the worker and the hashed wasm file as this site's own assets.
    createWorker: () => new Worker(new URL('./engine/worker.ts', import.meta.url), { type: 'module', name: 'redis' }),
    wasmUrl: new URL('./engine/artifacts/redis-engine.wasm', import.meta.url).href,
    ...options,
  });
}
