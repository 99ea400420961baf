/**
 * The replies that genuinely differ between the in-browser engine (Redis 7.2.6 compiled to 32-bit WebAssembly with
 * libc malloc, a 128-bit long double, the fixed limits and refusals of engine/README.md) and a native 64-bit
 * redis-server 7.2.6. Short on purpose: the Run button and the differential test label these; any other difference
 * is a bug, and is flagged.
 */
import { matchLines } from './compare';

export interface PlatformDifference {
  /** The commands it concerns, as a reader would name them. */
  command: string;
  /** What the learner sees next to the reply. */
  label: string;
  /** Why, in one sentence for the learner. */
  why: string;
  /** True when `actual` differs from `reference` (the lesson's or a native server's lines) only in this way. */
  explains(args: readonly string[], reference: readonly string[], actual: readonly string[]): boolean;
}

const BUILD = 'differs in the browser (32-bit build)';
const INTEGER = /^\(integer\) -?\d+$/;
const BULK_NUMBER = /^"(-?[\d.]+(?:e[+-]?\d+)?)"$/;
/** INFO fields that depend on pointer size, the allocator or the build: memory figures and limits, and how the server was compiled. */
const BUILD_FIELD = /^(used_memory\w*|mem_\w+|allocator_\w+|total_system_memory\w*|rss_overhead_\w+|maxmemory|maxmemory_human|os|arch_bits|multiplexing_api|gcc_version|atomicvar_api):/;
/** Limits the engine fixes lower than a native server's defaults, so that a tab cannot run out of memory. */
const ENGINE_LIMITS = new Set(['maxmemory', 'proto-max-bulk-len', 'client-query-buffer-limit', 'client-output-buffer-limit']);
/** How the engine answers a command it does not run (engine/c/rw_shim.c). */
const REFUSED = /^\(error\) ERR .+ is not available in the in-browser Redis: .+$/;
const LIST_ITEM = /^\s*\d+\) "(.*)"$/;

const named = (args: readonly string[], ...words: string[]) => words.every((word, k) => args[k]?.toUpperCase() === word);
const trimmed = (line: string) => line.trimEnd();

/** Compares line by line (an expected `...` standing for any lines) after `mask` hides what may differ. */
function equalBut(mask: (line: string) => string, reference: readonly string[], actual: readonly string[]): boolean {
  return matchLines(reference, actual, (a, b) => mask(trimmed(a)) === mask(trimmed(b))).ok;
}

/** The same lines except values that follow the name of a limit in a CONFIG GET reply. */
function onlyLimitsDiffer(reference: readonly string[], actual: readonly string[]): boolean {
  if (reference.length !== actual.length) return false;
  return reference.every((line, k) => {
    if (trimmed(line) === trimmed(actual[k] ?? '')) return true;
    const name = LIST_ITEM.exec(reference[k - 1] ?? '')?.[1];
    return k % 2 === 1 && name !== undefined && ENGINE_LIMITS.has(name) && LIST_ITEM.test(line) && LIST_ITEM.test(actual[k] ?? '');
  });
}

export const PLATFORM_DIFFERENCES: readonly PlatformDifference[] = [
  {
    command: 'MEMORY USAGE',
    label: BUILD,
    why: 'Pointers take 4 bytes and memory comes from libc malloc, so sizes differ from a 64-bit server with jemalloc.',
    explains: (args, reference, actual) =>
      named(args, 'MEMORY', 'USAGE') && reference.length === 1 && actual.length === 1 && INTEGER.test(trimmed(reference[0] ?? '')) && INTEGER.test(actual[0] ?? ''),
  },
  {
    command: 'INFO (memory figures, maxmemory, os, arch_bits, multiplexing_api, gcc_version)',
    label: BUILD,
    why: 'This Redis is compiled to 32-bit WebAssembly with libc malloc and a 64 MB maxmemory: its memory figures and build fields are not those of a native server.',
    explains: (args, reference, actual) => named(args, 'INFO') && equalBut((line) => (BUILD_FIELD.test(line) ? line.replace(/:.*/, ':') : line), reference, actual),
  },
  {
    command: 'INCRBYFLOAT, HINCRBYFLOAT',
    label: BUILD,
    why: 'A long double has 128 bits here (as on arm64) and 80 bits on x86-64, so the 17th significant digit can differ.',
    explains: (args, reference, actual) => {
      if (!named(args, 'INCRBYFLOAT') && !named(args, 'HINCRBYFLOAT')) return false;
      const a = BULK_NUMBER.exec(trimmed(reference[0] ?? ''))?.[1];
      const b = BULK_NUMBER.exec(actual[0] ?? '')?.[1];
      return reference.length === 1 && actual.length === 1 && a !== undefined && b !== undefined && Number(a).toPrecision(15) === Number(b).toPrecision(15);
    },
  },
  {
    command: 'CONFIG GET maxmemory, proto-max-bulk-len, client-query-buffer-limit, client-output-buffer-limit',
    label: 'differs in the browser (limits of a browser tab)',
    why: 'The in-browser Redis caps memory at 64 MB, a value at 32 MB and a client buffer at 64 MB, so that a tab cannot run out of memory.',
    explains: (args, reference, actual) => named(args, 'CONFIG', 'GET') && onlyLimitsDiffer(reference, actual),
  },
  {
    command: 'CLUSTER, FAILOVER, REPLICAOF, SAVE, DEBUG, CONFIG SET of files, sockets or memory limits, and the rest of engine/README.md',
    label: 'not available in the browser',
    why: 'The in-browser Redis is one server with no files, network or other processes, and it says so instead of running the command.',
    explains: (_args, _reference, actual) => actual.length === 1 && REFUSED.test(actual[0] ?? ''),
  },
];

/** The documented difference that explains `actual` next to `reference`, if one does. */
export function platformDifference(args: readonly string[], reference: readonly string[], actual: readonly string[]): PlatformDifference | undefined {
  return PLATFORM_DIFFERENCES.find((difference) => difference.explains(args, reference, actual));
}
