import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { findChromium } from '../../src/markdown/chromium';
import { FIXTURE_COURSE, SITES } from '../support/sites';

/** Builds the fixture course once per site variant with the real `npm run build` pipeline. */
export default function setup(): void {
  if (!findChromium()) return; // the suites skip themselves with a notice (or fail under CI=true)
  for (const [name, site] of Object.entries(SITES)) {
    rmSync(site.outDir, { recursive: true, force: true });
    try {
      execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts'], {
        // Vitest sets NODE_ENV=test, which would make Vite build in development mode.
        env: { ...process.env, NODE_ENV: 'production', ...site.env, LESSONS_DIR: FIXTURE_COURSE, OUT_DIR: site.outDir, BASE_PATH: site.base, SITE_URL: 'http://127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`Building the "${name}" fixture site failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
    }
  }
}
