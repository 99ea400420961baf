import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { describeWithChromium } from '../../support/chromium';
import { FIXTURE_COURSE } from '../../support/sites';

describeWithChromium('a diagram Mermaid cannot parse', () => {
  test('fails `npm run build` with the lesson file, the line and the fix, though no lesson waited for its diagram', { timeout: 240_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'diagram-error-'));
    const lessons = join(work, 'lessons');
    cpSync(FIXTURE_COURSE, lessons, { recursive: true });
    const lesson = join(lessons, 'redis-fundamentals', 'welcome.mdx');
    const text = readFileSync(lesson, 'utf8');
    const fence = text.split('\n').indexOf('```mermaid') + 1;
    expect(fence).toBeGreaterThan(0);
    // An unclosed node on the diagram's second line.
    writeFileSync(lesson, text.replace('```mermaid\n', '```mermaid\nflowchart LR\n  A --> B[\n'));
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), NODE_ENV: 'production', LESSONS_DIR: lessons, OUT_DIR: join(work, 'dist'), CACHE_DIR: join(work, 'cache'), ASTRO_CACHE_DIR: join(work, 'astro-cache') };
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts'], { env, encoding: 'utf8' });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(1);
    // The line is the one Mermaid names inside the diagram, counted from the lesson's first line.
    const reported = new RegExp(`welcome\\.mdx:(\\d+):1 error Mermaid cannot parse the diagram that starts on line ${fence} \\(error on line \\1\\): .+\\nFix the diagram's syntax`).exec(output);
    expect(reported, output).not.toBeNull();
    expect(Number(reported![1])).toBeGreaterThan(fence);
    // No site is kept from a failed build: the next build starts again.
    expect(existsSync(join(work, 'cache', 'sites'))).toBe(false);
  });
});
