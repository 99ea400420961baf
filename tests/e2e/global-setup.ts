import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { findChromium } from '../../src/chromium';
import { settings } from '../../src/env';
import { COURSE_DIR, FIXTURE_COURSE, OTHER_COURSE, SCAFFOLDED, SITES } from '../support/sites';

const tsx = (script: string, args: string[], env: NodeJS.ProcessEnv) => {
  try {
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], { env: { ...process.env, ...env }, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${script} ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
};

/** Copies the fixture course, adds a lesson straight from the scaffold, and builds each fixture variant and the real course once. */
export default function setup(): void {
  if (!findChromium(settings)) return; // the suites skip themselves with a notice (or fail under CI=true)
  rmSync(COURSE_DIR, { recursive: true, force: true });
  cpSync(FIXTURE_COURSE, COURSE_DIR, { recursive: true });
  tsx('scripts/new-lesson.ts', ['--phase', String(SCAFFOLDED.phase), '--title', SCAFFOLDED.title], { LESSONS_DIR: COURSE_DIR });
  for (const [name, site] of Object.entries(SITES)) {
    rmSync(site.outDir, { recursive: true, force: true });
    const lessons = name === 'course' ? 'lessons' : name === 'other' ? OTHER_COURSE : COURSE_DIR;
    // Vitest sets NODE_ENV=test, which would make Vite build in development mode.
    tsx('scripts/build.ts', [], { NODE_ENV: 'production', ...site.env, LESSONS_DIR: lessons, OUT_DIR: site.outDir, BASE_PATH: site.base, SITE_URL: 'http://127.0.0.1' });
  }
}
