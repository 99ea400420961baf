/** Shared helpers for the engine tests: start an engine, run commands, read replies as text or values. */
import { createNodeRedisEngine } from '../../../../../src/packs/redis/engine/node';
import type { EngineClient, RedisEngine, RedisEngineOptions } from '../../../../../src/packs/redis/engine/engine';
import { bytesToText, type CommandArg, decodeResp, type RespValue } from '../../../../../src/packs/redis/engine/resp';

export type { EngineClient, RedisEngine };

export function startEngine(options: Omit<RedisEngineOptions, 'wasmModule' | 'wasmBinary' | 'locateFile'> = {}): Promise<RedisEngine> {
  return createNodeRedisEngine(options);
}

/** The raw reply as text, e.g. "+OK\r\n". */
export async function raw(client: EngineClient, ...args: CommandArg[]): Promise<string> {
  return bytesToText(await client.send(args));
}

/** The reply decoded (bulk strings as text, errors as RespError, maps as Map). */
export async function value(client: EngineClient, ...args: CommandArg[]): Promise<RespValue> {
  return decodeResp(await client.send(args));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Collects a client's pushes as text. */
export function pushes(client: EngineClient): string[] {
  const seen: string[] = [];
  client.onPush((bytes) => seen.push(bytesToText(bytes)));
  return seen;
}

/** Waits until `check` holds, stepping real time; fails after `limitMs`. Checks behaviour, not speed. */
export async function eventually(check: () => boolean | Promise<boolean>, limitMs = 5000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await sleep(20);
  }
}

/** RESP bulk string. */
export const bulk = (text: string) => `$${new TextEncoder().encode(text).length}\r\n${text}\r\n`;
/** RESP array of bulk strings. */
export const bulks = (...items: string[]) => `*${items.length}\r\n${items.map(bulk).join('')}`;
