import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Browser, Page } from 'playwright-core';

/** How a dev server is started and which lesson the author edits. */
export interface DevSetup {
  /** The command, given the port to listen on (127.0.0.1). */
  command: (port: number) => [string, string[]];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The lesson page, e.g. `redis-fundamentals/lesson-0001/`, and its file. */
  path: string;
  file: string;
}

/** What an author waits for: the first lesson after `npm run dev`, and a saved edit on the open page. */
export interface DevFigures {
  firstLessonSeconds: number;
  /** Milliseconds from saving the file to the new text on the page, the median of a few edits. */
  editMs: number;
}

/** Whether something accepts connections on `port` (127.0.0.1). */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Waits until the page's text contains `text`, polling closely; a reload in between is waited out. */
async function shows(page: Page, text: string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    // A look at a page caught mid-navigation can hang rather than fail: it is given up after a second.
    const look = page.evaluate((t) => document.body?.textContent?.includes(t) ?? false, text).catch(() => false);
    const found = await Promise.race([look, new Promise<false>((r) => setTimeout(() => r(false), 1000))]);
    if (found) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`The edit "${text}" did not show within 60 s.`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Starts a dev server on `port`, times its first lesson, then edits that lesson a few times in an open page; stops the
 * server and waits until the port is free again. An author starts `npm run dev` on the same port each time, and the
 * port is part of Astro's config digest: a run on another port would find its content store outdated and rebuild it.
 */
export async function measureDev(setup: DevSetup, browser: Browser, port: number, edits = 3): Promise<DevFigures> {
  const [command, args] = setup.command(port);
  const start = performance.now();
  // Its own process group, so the server and every process it starts end together.
  const server = spawn(command, args, { cwd: setup.cwd, env: setup.env, stdio: 'ignore', detached: true });
  const original = readFileSync(setup.file, 'utf8');
  try {
    const url = `http://127.0.0.1:${port}/${setup.path}`;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`The dev server (${command} ${args.join(' ')}) stopped with exit code ${server.exitCode}.`);
      const ok = await fetch(url, { signal: AbortSignal.timeout(60_000) }).then((r) => r.ok && r.text().then(() => true), () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const firstLessonSeconds = (performance.now() - start) / 1000;
    const page = await browser.newPage();
    await page.goto(url);
    const times: number[] = [];
    for (let i = 1; i <= edits; i++) {
      const marker = `Edited${i}Marker`;
      const saved = performance.now();
      // The first prose word of the lesson's introduction becomes the marker, as an author's typing would change it.
      writeFileSync(setup.file, original.replace(/(## Introduction\n\n)(\S+)/, `$1${marker}`));
      await shows(page, marker);
      times.push(performance.now() - saved);
      await page.waitForTimeout(500);
    }
    await page.close();
    return { firstLessonSeconds, editMs: median(times) };
  } finally {
    writeFileSync(setup.file, original);
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    // The next run listens on this port: its start is timed from when the port is free, as an author's would be.
    const deadline = performance.now() + 10_000;
    while ((await listening(port)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }
}
