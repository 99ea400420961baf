import { spawn, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** One timed run of a command. */
export interface Run {
  seconds: number;
  /** Highest resident memory of the command and every process it started, summed, in bytes; undefined off Linux. */
  peakRss: number | undefined;
}

const PAGE = 4096;

/** Parent of each process and its resident memory, read from /proc; empty where there is no /proc. */
function processTable(): Map<number, { parent: number; rss: number }> {
  const table = new Map<number, { parent: number; rss: number }>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return table;
  }
  for (const pid of pids) {
    try {
      // The command name is in parentheses and may hold spaces; the fields after it are fixed.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(pid), { parent: Number(fields[1]), rss: Number(fields[21]) * PAGE });
    } catch {
      // The process ended while the table was read.
    }
  }
  return table;
}

/** Resident memory of a process and all its descendants. */
export function treeRss(root: number, table = processTable()): number | undefined {
  if (table.size === 0) return undefined;
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of table) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += table.get(pid)?.rss ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command to the end, timing it and sampling its memory; rejects with the end of its output when it fails. */
export function runMeasured(command: string, args: string[], options: SpawnOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let peak: number | undefined;
    const sample = () => {
      const rss = child.pid === undefined ? undefined : treeRss(child.pid);
      if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
    };
    const sampler = setInterval(sample, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - start) / 1000;
      if (code === 0) resolve({ seconds, peakRss: peak });
      else reject(new Error(`${command} ${args.join(' ')} failed (exit code ${code}):\n${output}`));
    });
  });
}
