/** The build script's refusals, which need neither emscripten nor the real tarball. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'redis-wasm-build-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A tarball shaped like a Redis release, with only version.h inside. */
function fakeTarball(version: string): string {
  const dir = join(work, `src-${version}`);
  mkdirSync(join(dir, `redis-${version}`, 'src'), { recursive: true });
  writeFileSync(join(dir, `redis-${version}`, 'src', 'version.h'), `#define REDIS_VERSION "${version}"\n`);
  const file = join(work, `redis-${version}.tar.gz`);
  const tar = spawnSync('tar', ['czf', file, '-C', dir, `redis-${version}`]);
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  return file;
}

/** A PATH with tar and gzip only: no emcc. */
function pathWithoutEmscripten(): string {
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const tool of ['tar', 'gzip', 'sh']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found) symlinkSync(found, join(bin, tool));
  }
  return bin;
}

function build(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-redis-wasm.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('npm run build:redis-wasm', () => {
  it('says where to get the source when the tarball is missing', () => {
    const { status, stderr } = build({ REDIS_SRC: join(work, 'missing.tar.gz') });
    expect(status).toBe(1);
    expect(stderr).toMatch(/Redis source not found at .*missing\.tar\.gz/);
    expect(stderr).toContain('https://download.redis.io/releases/redis-7.2.6.tar.gz');
  });

  it('refuses any version but 7.2.x in one line', () => {
    const { status, stderr } = build({ REDIS_SRC: fakeTarball('7.4.1') });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/Redis 7\.4\.1 is not supported/);
  });

  it('says how to install emscripten when emcc is missing', () => {
    const { status, stderr } = build({ REDIS_SRC: fakeTarball('7.2.6'), PATH: pathWithoutEmscripten() });
    expect(status).toBe(1);
    expect(stderr).toContain('apt-get install emscripten');
  });
});
