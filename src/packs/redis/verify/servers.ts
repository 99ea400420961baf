/** The redis-server binaries the verifier may start, each with the version it reports, and the choice among them. */
import { realpathSync } from 'node:fs';
import type { Settings } from '../../../env';
import { compareVersions } from '../plan';
import { findRedisServer, isExecutable, redisVersionOf } from './server';

/** A redis-server the verifier can start. */
export interface RedisBinary {
  path: string;
  /** What `redis-server --version` printed, e.g. `7.2.6`. */
  version: string;
  /** Where it was configured, for messages: `REDIS_SERVERS`, `REDIS_SERVER` or `PATH`. */
  from: string;
}

const LABEL = /^\d+(?:\.\d+){0,2}$/;
export const SERVERS_HINT = 'set REDIS_SERVERS=7.2=/path/to/redis-server,7.4=/path/to/other/redis-server';

/** `7.2=/a/redis-server,7.4=/b/redis-server` as entries; problems say which entry is malformed and how to write it. */
export function parseServerList(text: string): { entries: { label: string; path: string }[]; problems: string[] } {
  const entries: { label: string; path: string }[] = [];
  const problems: string[] = [];
  for (const part of text.split(',')) {
    const entry = part.trim();
    if (entry === '') continue;
    const at = entry.indexOf('=');
    const label = at === -1 ? '' : entry.slice(0, at).trim();
    const path = at === -1 ? '' : entry.slice(at + 1).trim();
    if (!LABEL.test(label) || path === '') problems.push(`REDIS_SERVERS: "${entry}" is not version=path; ${SERVERS_HINT}`);
    else entries.push({ label, path });
  }
  return { entries, problems };
}

/** Every configured server that runs, the default one (REDIS_SERVER, else PATH) first; problems name bad entries. */
export function findServers(settings: Pick<Settings, 'redisServer' | 'redisServers' | 'path'>): { binaries: RedisBinary[]; problems: string[] } {
  const binaries: RedisBinary[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, from: string): RedisBinary | undefined => {
    const version = redisVersionOf(path);
    if (version === undefined) return undefined;
    const real = realpathSync(path);
    if (!seen.has(real)) binaries.push({ path, version, from });
    seen.add(real);
    return { path, version, from };
  };
  const fallback = findRedisServer(settings);
  if (fallback !== undefined && !add(fallback, settings.redisServer === undefined ? 'PATH' : 'REDIS_SERVER')) {
    problems.push(`${settings.redisServer === undefined ? fallback : `REDIS_SERVER=${fallback}`} does not answer \`--version\` as a redis-server; point REDIS_SERVER at a redis-server binary`);
  }
  const list = parseServerList(settings.redisServers ?? '');
  problems.push(...list.problems);
  for (const { label, path } of list.entries) {
    const found = isExecutable(path) ? add(path, 'REDIS_SERVERS') : undefined;
    if (!found) problems.push(`REDIS_SERVERS: ${label}=${path} is not an executable redis-server; fix the path or remove the entry`);
    else if (!found.version.startsWith(`${label}.`) && found.version !== label) {
      problems.push(`REDIS_SERVERS: ${label}=${path} is Redis ${found.version}; label it ${found.version.split('.').slice(0, 2).join('.')} (it is used as ${found.version})`);
    }
  }
  return { binaries, problems };
}

/** The lowest version at least `required`; without a requirement, the default server. */
export function pickServer(binaries: readonly RedisBinary[], required: string | undefined): RedisBinary | undefined {
  if (required === undefined) return binaries[0];
  return [...binaries].filter((binary) => compareVersions(binary.version, required) >= 0).sort((a, b) => compareVersions(a.version, b.version))[0];
}

/** Why a block that needs `required` cannot run here, and how to make it run. */
export function noServerReason(binaries: readonly RedisBinary[], required: string): string {
  const have = [...new Set(binaries.map((binary) => binary.version))].sort(compareVersions).join(', ');
  return `needs Redis ${required}, available: ${have || 'none'}; ${SERVERS_HINT}`;
}
