/**
 * Figures for Redis in the browser on a built site (printed, never asserted): what the engine weighs to download,
 * what its buttons add to a lesson page before any interaction, the time from a click on "Run in browser" (and from
 * Enter in the console) to the first reply with a cold and a warm HTTP cache, and the worker's memory after it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../chromium';
import { GZIP_BUDGET_BYTES } from '../packs/redis/engine/measure';
import { serveStatic } from '../static-server';
import { UserError } from '../user-error';

/** The engine and its page code as the build names them in `_astro/`. */
const ENGINE_FILES = /^(redis-engine\.[\w-]+\.wasm|worker\.[\w-]+\.js|on-first-use\.[\w-]+\.js)$/
/** The script that waits on a lesson page for the first press or focus (Run buttons and console alike). */
const STARTER_FILES = /^RedisConsole\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/

export interface PlaygroundFigures {
  /** Each engine file with its gzip size, and the total against the 1.2 MB budget. */
  engineFiles: { name: string; gzipBytes: number }[];
  engineGzipBytes: number;
  budgetBytes: number;
  /** JavaScript the Run buttons and the console add to a lesson page before any interaction, gzip. */
  startersGzipBytes: number;
  /** Everything a lesson page with Run buttons loads before any interaction (what the page budget counts). */
  lessonPage: string;
  lessonJsGzipBytes: number;
  /** Requests for the engine while the page sat idle after loading: should be none. */
  idleEngineRequests: number;
  /** Click on "Run in browser" to the first reply under the block. */
  runFirstReplyMs: { cold: number; warm: number };
  /** First focus of the console to the reply of a PING typed at once. */
  consoleFirstReplyMs: { cold: number; warm: number };
  /** The engine worker after the runs: its WebAssembly memory and its JavaScript heap. */
  workerWasmBytes: number;
  workerHeapBytes: number;
}

/** gzip -9 for the engine, as engine/measure.ts and a static host serve it; the default level for page JS, as `npm run bench` counts it. */
const gz = (file: string, level = 9) => gzipSync(readFileSync(file), { level }).length;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Milliseconds from a press of the page's first Run button to the first reply under its block. */
function runToFirstReply(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const begin = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector('.run-step')) return;
          observer.disconnect();
          resolve(performance.now() - begin);
        });
        observer.observe(document.body, { childList: true, subtree: true });
        document.querySelector<HTMLButtonElement>('[data-redis-use="run"]')!.click();
      }),
  );
}

/** Milliseconds from the first focus of the console to the reply of a PING typed as soon as it can take it. */
async function consoleToFirstReply(page: Page): Promise<number> {
  const worker = page.waitForEvent('worker');
  await page.evaluate(() => {
    (window as unknown as { focusedAt: number }).focusedAt = performance.now();
    document.querySelector<HTMLInputElement>('#redis-command-1')!.focus();
  });
  // The console starts its engine's worker once its code has loaded: from then on it reads the keyboard.
  await worker;
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('.console-entry__reply')) return;
          observer.disconnect();
          resolve(performance.now() - (window as unknown as { focusedAt: number }).focusedAt);
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const input = document.querySelector<HTMLInputElement>('#redis-command-1')!;
        input.value = 'PING';
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }),
  );
}

/**
 * Prepended to the engine worker's script when its memory is measured: keeps the WebAssembly memories it
 * instantiates, which no DevTools call reaches inside a worker (Runtime.queryObjects never answers there).
 */
const KEEP_MEMORIES = `const rwInstantiate = WebAssembly.instantiate;
self.rwMemories = [];
WebAssembly.instantiate = (...args) => rwInstantiate(...args).then((result) => {
  for (const value of Object.values((result.instance ?? result).exports)) if (value instanceof WebAssembly.Memory) self.rwMemories.push(value);
  return result;
});
`;

/** The engine worker's WebAssembly memory and JavaScript heap after one Run, in a context of its own. */
async function workerMemory(browser: Browser, url: string): Promise<{ wasm: number; heap: number }> {
  const context = await browser.newContext();
  try {
    await context.route(/\/_astro\/worker\.[\w-]+\.js$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: KEEP_MEMORIES + (await response.text()) });
    });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await runToFirstReply(page);
    const worker = page.workers().find((candidate) => /\/worker\.[\w-]+\.js$/.test(candidate.url()));
    if (!worker) throw new Error('the engine worker is not running');
    const wasm = await worker.evaluate(() => (self as unknown as { rwMemories: WebAssembly.Memory[] }).rwMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
    const cdp = await context.newCDPSession(page);
    const heap = await jsHeapOfWorker(cdp);
    return { wasm, heap };
  } finally {
    await context.close();
  }
}

/** The used JavaScript heap of the page's one dedicated worker, through the page's DevTools session. */
async function jsHeapOfWorker(cdp: CDPSession): Promise<number> {
  const attached = new Promise<string>((resolve) => cdp.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string } }) => event.targetInfo.type === 'worker' && resolve(event.sessionId)));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const sessionId = await attached;
  const reply = new Promise<number>((resolve) =>
    cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
      if (message.id === 1 && message.result) resolve(message.result.usedSize);
    }),
  );
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
  return reply;
}

/** Measures a built site served under `base` (it must have a lesson with a "Run in browser" button). */
export async function measurePlayground(siteDir: string, options: { base?: string; chromiumPath: string }): Promise<PlaygroundFigures> {
  const all = files(siteDir);
  const named = (pattern: RegExp) => all.filter((file) => pattern.test(file.split(sep).pop() ?? ''));
  const engineFiles = named(ENGINE_FILES).map((file) => ({ name: relative(siteDir, file), gzipBytes: gz(file) }));
  const lesson = all.filter((file) => file.endsWith('.html') && readFileSync(file, 'utf8').includes('data-redis-use="run"')).sort()[0];
  if (!lesson) throw new UserError(`${siteDir}: no page has a "Run in browser" button. Build a course with redis-cli blocks (the Redis course) and measure that.`);
  const lessonPath = relative(siteDir, lesson).replace(/index\.html$/, '').split(sep).join('/');

  const site = await serveStatic(siteDir, options.base ?? '/');
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    const engineRequests: string[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.resourceType() === 'script') scripts.push(path);
      if (ENGINE_FILES.test(path.split('/').pop() ?? '')) engineRequests.push(path);
    });
    const url = site.url + lessonPath;
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(2000);
    const fileOf = (path: string) => join(siteDir, path.slice((options.base ?? '/').length));
    const lessonJsGzipBytes = scripts.reduce((sum, path) => sum + gz(fileOf(path), 6), 0);
    const idleEngineRequests = engineRequests.length;

    const runCold = await runToFirstReply(page);
    await page.reload({ waitUntil: 'networkidle' });
    const runWarm = await runToFirstReply(page);

    const fresh = await browser.newContext();
    const consolePage = await fresh.newPage();
    const playground = `${site.url}playground/`;
    await consolePage.goto(playground, { waitUntil: 'networkidle' });
    const consoleCold = await consoleToFirstReply(consolePage);
    await consolePage.reload({ waitUntil: 'networkidle' });
    const consoleWarm = await consoleToFirstReply(consolePage);
    const memory = await workerMemory(browser, url);

    return {
      engineFiles,
      engineGzipBytes: engineFiles.reduce((sum, file) => sum + file.gzipBytes, 0),
      budgetBytes: GZIP_BUDGET_BYTES,
      startersGzipBytes: named(STARTER_FILES).reduce((sum, file) => sum + gz(file, 6), 0),
      lessonPage: lessonPath,
      lessonJsGzipBytes,
      idleEngineRequests,
      runFirstReplyMs: { cold: runCold, warm: runWarm },
      consoleFirstReplyMs: { cold: consoleCold, warm: consoleWarm },
      workerWasmBytes: memory.wasm,
      workerHeapBytes: memory.heap,
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${Math.round(value)} ms`;

/** The figures as lines to print. */
export function formatPlaygroundFigures(f: PlaygroundFigures): string[] {
  return [
    `engine download: ${kb(f.engineGzipBytes)} gzip (budget ${kb(f.budgetBytes)}: ${f.engineGzipBytes <= f.budgetBytes ? 'within' : 'OVER'}): ${f.engineFiles.map((file) => `${file.name.split('/').pop()} ${kb(file.gzipBytes)}`).join(', ')}`,
    `before interaction on /${f.lessonPage}: ${kb(f.lessonJsGzipBytes)} gzip JS in all (budget 5.0 KB), of which ${kb(f.startersGzipBytes)} for Run in browser and the console; ${f.idleEngineRequests} engine request${f.idleEngineRequests === 1 ? '' : 's'} while idle`,
    `Run in browser, click to first reply: ${ms(f.runFirstReplyMs.cold)} cold cache, ${ms(f.runFirstReplyMs.warm)} warm`,
    `console, first focus to the first reply: ${ms(f.consoleFirstReplyMs.cold)} cold cache, ${ms(f.consoleFirstReplyMs.warm)} warm`,
    `engine worker memory after a run: ${mb(f.workerWasmBytes)} WebAssembly, ${mb(f.workerHeapBytes)} JS heap`,
  ];
}
