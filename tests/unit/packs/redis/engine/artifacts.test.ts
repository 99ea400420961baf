/** The committed engine artifacts: present, consistent with VERSION.json and with the shim they were built from. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engineDir = fileURLToPath(new URL('../../../../../src/packs/redis/engine/', import.meta.url));
const artifacts = join(engineDir, 'artifacts');
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const version = JSON.parse(readFileSync(join(artifacts, 'VERSION.json'), 'utf8')) as {
  redis: string;
  source: { file: string; sha256: string };
  emscripten: string;
  ldflags: string[];
  shim: { name: string; sha256: string }[];
  patches: { name: string; sha256: string }[];
  files: Record<string, { bytes: number; sha256: string }>;
};

describe('engine artifacts', () => {
  it('record the Redis release, its tarball and the toolchain', () => {
    expect(version.redis).toBe('7.2.6');
    expect(version.source).toEqual({
      file: 'redis-7.2.6.tar.gz',
      sha256: 'f861f87f962faad33d690238e7d37e8d1b5d1cd40955921b9e645bb4a0287822',
    });
    expect(version.emscripten).toBe('3.1.6');
    expect(version.ldflags).toContain('-sDYNAMIC_EXECUTION=0');
  });

  it('match the files beside them', () => {
    for (const [name, info] of Object.entries(version.files)) {
      const data = readFileSync(join(artifacts, name));
      expect({ name, bytes: data.length, sha256: sha256(data) }).toEqual({ name, ...info });
    }
  });

  it('were built from the shim and patches in the repository (rebuild with npm run build:redis-wasm after editing them)', () => {
    const current = (dir: string, suffix: string) =>
      readdirSync(join(engineDir, dir))
        .filter((name) => name.endsWith(suffix))
        .sort()
        .map((name) => ({ name, sha256: sha256(readFileSync(join(engineDir, dir, name))) }));
    expect(version.shim).toEqual(current('c', '.c'));
    expect(version.patches).toEqual(current('patches', '.patch'));
  });

  it('ship the Redis licence (BSD-3-Clause)', () => {
    const licence = readFileSync(join(artifacts, 'COPYING'), 'utf8');
    expect(licence).toContain('Redistribution and use in source and binary forms');
    expect(licence).toContain('Redis');
  });

  it('have glue that needs no eval, no new Function and no require', () => {
    const glue = readFileSync(join(artifacts, 'redis-engine.mjs'), 'utf8');
    expect(glue).not.toMatch(/\beval\s*\(/);
    expect(glue).not.toMatch(/new\s+Function\s*\(/);
    expect(glue).not.toMatch(/\brequire\s*\(/);
    expect(glue).toMatch(/export default createRedisModule/);
  });
});
