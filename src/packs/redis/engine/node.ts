/**
 * Node-only helpers (tests, the snippet verifier, measure.ts): read the engine's wasm from disk. Kept out of
 * engine.ts so the browser bundle never sees node: imports.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRedisEngine, type RedisEngine, type RedisEngineOptions, WASM_FILE } from './engine';

export const WASM_PATH = fileURLToPath(new URL(`./artifacts/${WASM_FILE}`, import.meta.url));
export const GLUE_PATH = fileURLToPath(new URL('./artifacts/redis-engine.mjs', import.meta.url));

let compiled: Promise<WebAssembly.Module> | null = null;

/** The compiled engine module, read and compiled once per process. */
export function engineModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(WASM_PATH).then((bytes) => WebAssembly.compile(new Uint8Array(bytes)));
  return compiled;
}

/** createRedisEngine with the wasm read from artifacts/. */
export async function createNodeRedisEngine(options: Omit<RedisEngineOptions, 'wasmModule' | 'wasmBinary' | 'locateFile'> = {}): Promise<RedisEngine> {
  return createRedisEngine({ ...options, wasmModule: await engineModule() });
}
