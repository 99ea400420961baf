/**
 * Figures for the engine (printed, never asserted): download size, start-up time, time to the first
 * reply, memory after a typical session. `npx tsx src/packs/redis/engine/measure.ts`, or call
 * measureEngine() from a benchmark. Node only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createRedisEngine } from './engine';
import { GLUE_PATH, WASM_PATH } from './node';
import { bytesToText, decodeResp } from './resp';

/** wasm + glue, gzip -9, as a static host would serve them. */
export const GZIP_BUDGET_BYTES = 1.2 * 1024 * 1024;

export interface EngineFigures {
  wasmBytes: number;
  wasmGzipBytes: number;
  glueBytes: number;
  glueGzipBytes: number;
  totalGzipBytes: number;
  withinBudget: boolean;
  /** WebAssembly.compile of the wasm bytes. */
  compileMs: number;
  /** Instantiating the module and starting the Redis server (rw_init). */
  startMs: number;
  /** From calling createRedisEngine with the bytes to the reply of the first PING. */
  firstReplyMs: number;
  /** A second engine on the already compiled module (what reset() costs). */
  restartMs: number;
  /** 10,000 INCRs sent one after another, awaited one by one. */
  commandsPerSecond: number;
  /** WebAssembly memory after the session (it grows, never shrinks). */
  wasmMemoryBytes: number;
  /** Redis's own used_memory after the session. */
  usedMemoryBytes: number;
}

function gzipSize(data: Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

/** A session like a lesson's: a few hundred keys of each type, a script, pub/sub. */
async function typicalSession(engine: Awaited<ReturnType<typeof createRedisEngine>>): Promise<void> {
  const a = engine.newClient();
  const b = engine.newClient();
  await b.send(['SUBSCRIBE', 'news']);
  for (let i = 0; i < 300; i++) {
    await a.send(['SET', `user:${i}:name`, `name-${i}`, 'EX', '3600']);
    await a.send(['HSET', `user:${i}`, 'name', `n${i}`, 'age', String(20 + (i % 50)), 'city', 'Lisbon']);
    await a.send(['RPUSH', 'queue', `job-${i}`]);
    await a.send(['SADD', 'tags', `tag-${i % 40}`]);
    await a.send(['ZADD', 'leaderboard', String(i * 7), `player-${i}`]);
    await a.send(['XADD', 'events', '*', 'type', 'login', 'user', String(i)]);
    await a.send(['PFADD', 'visitors', `v${i}`]);
    await a.send(['SETBIT', 'active', String(i), '1']);
  }
  await a.send(['EVAL', "return redis.call('ZRANGE', KEYS[1], 0, 9)", '1', 'leaderboard']);
  await a.send(['PUBLISH', 'news', 'hello']);
  await a.send(['LRANGE', 'queue', '0', '-1']);
}

export async function measureEngine(): Promise<EngineFigures> {
  const wasm = new Uint8Array(readFileSync(WASM_PATH));
  const glue = new Uint8Array(readFileSync(GLUE_PATH));
  const wasmGzipBytes = gzipSize(wasm);
  const glueGzipBytes = gzipSize(glue);

  const t0 = performance.now();
  const compiled = await WebAssembly.compile(wasm);
  const t1 = performance.now();
  const engine = await createRedisEngine({ wasmModule: compiled, autoTick: false });
  const t2 = performance.now();
  const first = engine.newClient();
  await first.send(['PING']);
  const t3 = performance.now();

  const n = 10_000;
  const c = engine.newClient();
  const s0 = performance.now();
  for (let i = 0; i < n; i++) await c.send(['INCR', 'counter']);
  const s1 = performance.now();

  await typicalSession(engine);
  const info = bytesToText(await first.send(['INFO', 'memory']));
  const used = /used_memory:(\d+)/.exec(info);
  const wasmMemoryBytes = engine.stats().wasmMemoryBytes;
  engine.close();

  const r0 = performance.now();
  const second = await createRedisEngine({ wasmModule: compiled, autoTick: false });
  const pong = decodeResp(await second.newClient().send(['PING']));
  const r1 = performance.now();
  second.close();
  if (pong !== 'PONG') throw new Error('the second engine did not answer PING');

  return {
    wasmBytes: wasm.length,
    wasmGzipBytes,
    glueBytes: glue.length,
    glueGzipBytes,
    totalGzipBytes: wasmGzipBytes + glueGzipBytes,
    withinBudget: wasmGzipBytes + glueGzipBytes <= GZIP_BUDGET_BYTES,
    compileMs: t1 - t0,
    startMs: t2 - t1,
    firstReplyMs: t3 - t0,
    restartMs: r1 - r0,
    commandsPerSecond: n / ((s1 - s0) / 1000),
    wasmMemoryBytes,
    usedMemoryBytes: used ? Number(used[1]) : NaN,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export function formatFigures(f: EngineFigures): string {
  return [
    `engine download: wasm ${kb(f.wasmBytes)} (${kb(f.wasmGzipBytes)} gzip) + glue ${kb(f.glueBytes)} (${kb(f.glueGzipBytes)} gzip) = ${kb(f.totalGzipBytes)} gzip (budget ${kb(GZIP_BUDGET_BYTES)}: ${f.withinBudget ? 'within' : 'OVER'})`,
    `start: compile ${ms(f.compileMs)}, instantiate + server start ${ms(f.startMs)}, first reply after ${ms(f.firstReplyMs)}; restart on the compiled module ${ms(f.restartMs)}`,
    `throughput: ${Math.round(f.commandsPerSecond).toLocaleString('en')} sequential commands/s`,
    `memory after a typical session: wasm memory ${mb(f.wasmMemoryBytes)}, Redis used_memory ${mb(f.usedMemoryBytes)}`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  measureEngine().then(
    (figures) => console.log(formatFigures(figures)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
