import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { COPY_CONFIG, withFastConfigCopy } from '../../../src/markdown/mermaid-config-copy';

const require = createRequire(import.meta.url);
const CHUNKS = join(dirname(require.resolve('mermaid/dist/mermaid.esm.min.mjs')), 'chunks', 'mermaid.esm.min');
const chunkNames = readdirSync(CHUNKS).filter((name) => name.endsWith('.mjs'));

type Fn = (...args: never[]) => unknown;
/** The named functions a Mermaid chunk exports (its build keeps their names while it shortens the exports'). */
async function namedExports(name: string): Promise<Map<string, Fn>> {
  const module = (await import(pathToFileURL(join(CHUNKS, name)).href)) as Record<string, unknown>;
  return new Map(Object.values(module).filter((value): value is Fn => typeof value === 'function').map((fn) => [fn.name, fn]));
}

const fastCopy = new Function(`${COPY_CONFIG}\nreturn __cfgCopy;`)() as (config: object) => object;

/** Everything a caller can tell about a copy: keys in order, values, and which objects it shares with the original. */
function shape(copy: unknown, original: unknown, path = '$', out: string[] = []): string[] {
  if (copy === null || typeof copy !== 'object') {
    out.push(`${path}=${typeof copy === 'function' ? 'fn' : JSON.stringify(copy) ?? String(copy)}${copy === original ? '' : ' (differs)'}`);
    return out;
  }
  out.push(`${path}:${Array.isArray(copy) ? 'array' : 'object'}${copy === original ? ' shared' : ''}`);
  for (const key of Reflect.ownKeys(copy)) shape((copy as Record<PropertyKey, unknown>)[key], (original as Record<PropertyKey, unknown> | undefined)?.[key], `${path}.${String(key)}`, out);
  return out;
}

test("rewrites getConfig in exactly one of the installed Mermaid's chunks, the one that defines it", () => {
  const rewritten = chunkNames.filter((name) => withFastConfigCopy(readFileSync(join(CHUNKS, name), 'utf8')) !== null);
  expect(rewritten).toHaveLength(1);
  const chunk = readFileSync(join(CHUNKS, rewritten[0]!), 'utf8');
  expect(withFastConfigCopy(chunk)).toContain('"getConfig")');
  expect(withFastConfigCopy(chunk)).not.toMatch(/=\w+\(\(\)=>\w+\(\{\},\w+\),"getConfig"\)/);
});

test('leaves a chunk without getConfig alone', () => {
  expect(withFastConfigCopy('export const x=a(()=>b(),"getCount");')).toBeNull();
});

test("copies a configuration exactly as Mermaid's own assignWithDepth({}, config) does", async () => {
  const name = chunkNames.find((file) => withFastConfigCopy(readFileSync(join(CHUNKS, file), 'utf8')) !== null)!;
  const fns = await namedExports(name);
  const assignWithDepth = fns.get('assignWithDepth') as unknown as (dst: object, src: object) => object;
  const getConfig = fns.get('getConfig') as unknown as () => object;
  expect(assignWithDepth).toBeTypeOf('function');
  const deep = { shared: { below: 1 } };
  const configs: object[] = [
    getConfig(),
    { a: null, b: undefined, c: [1, 1, 2, NaN, NaN], d: { e: null, f: [3, 3], g: { h: null, i: deep, j: [4, 4] } }, k: () => 1, l: 'x' },
    { '1': 'first by number', z: { y: { x: { w: { v: 1 } } } }, list: [{ n: 1 }, { n: 1 }], sparse: [1, , 2] },
  ];
  for (const config of configs) expect(shape(fastCopy(config), config)).toEqual(shape(assignWithDepth({}, config), config));
});
