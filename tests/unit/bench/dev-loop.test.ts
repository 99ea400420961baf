import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { measureDev, type DevSetup } from '../../../src/bench/dev-loop';
import { CHROMIUM_ARGS } from '../../../src/chromium';
import { freePort } from '../../../src/free-port';
import { chromiumPath, describeWithChromium } from '../../support/chromium';

const SERVER = fileURLToPath(new URL('../../fixtures/bench/fake-dev-server.mjs', import.meta.url));
const LESSON = '---\ntitle: A lesson\n---\n\n## Introduction\n\nRedis keeps data in memory.\n';

describeWithChromium("the benchmark's dev loop", () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
    dir = mkdtempSync(join(tmpdir(), 'dev-loop-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('times two starts on one port, the second once the first server has let go of it, and puts the lesson back', async () => {
    const file = join(dir, 'lesson.mdx');
    writeFileSync(file, LESSON);
    const setup: DevSetup = { command: (port) => [process.execPath, [SERVER, String(port), file]], cwd: dir, env: process.env, path: '', file };
    const port = await freePort();
    const first = await measureDev(setup, browser, port, 2);
    // The first server holds its port for a while after it is stopped: a start before it let go would fail.
    const second = await measureDev(setup, browser, port, 2);
    for (const figures of [first, second]) {
      expect(figures.firstLessonSeconds).toBeGreaterThanOrEqual(0.2);
      expect(figures.editMs).toBeGreaterThan(0);
    }
    expect(readFileSync(file, 'utf8')).toBe(LESSON);
  }, 60_000);
});
