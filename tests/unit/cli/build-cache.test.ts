import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FIXTURE_COURSE } from '../../support/sites';

/** Every file of a built site with its bytes, by path. */
const site = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), 'base64')]));

test('a build with nothing changed writes back the last site, byte for byte; an edited lesson, or --force, builds again', { timeout: 240_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'build-cache-'));
  const lessons = join(work, 'lessons');
  const outDir = join(work, 'dist');
  cpSync(FIXTURE_COURSE, lessons, { recursive: true });
  // Diagrams drawn in the reader's browser: this test needs no Chromium.
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), NODE_ENV: 'production', MERMAID_RENDER: 'client', LESSONS_DIR: lessons, OUT_DIR: outDir, CACHE_DIR: join(work, 'cache'), ASTRO_CACHE_DIR: join(work, 'astro-cache') };
  const build = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts', ...args], { env, encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    return run.stdout;
  };
  const WRITTEN_BACK = 'Nothing the site is built from has changed since its last build';

  expect(build()).not.toContain(WRITTEN_BACK);
  const built = site(outDir);
  expect(build()).toContain(WRITTEN_BACK);
  expect(site(outDir)).toEqual(built);

  const lesson = join(lessons, 'redis-fundamentals', 'welcome.mdx');
  writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('The zebrafish appears', 'The edited zebrafish appears'));
  expect(build()).not.toContain(WRITTEN_BACK);
  expect(readFileSync(join(outDir, 'redis-fundamentals', 'welcome', 'index.html'), 'utf8')).toContain('The edited zebrafish appears');

  expect(build('--force')).not.toContain(WRITTEN_BACK);
  expect(build()).toContain(WRITTEN_BACK);
  expect(readFileSync(join(outDir, 'redis-fundamentals', 'welcome', 'index.html'), 'utf8')).toContain('The edited zebrafish appears');
});
