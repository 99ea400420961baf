import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * One page of a headless Chromium, driven over the DevTools protocol on the pipe Chromium opens for it
 * (`--remote-debugging-pipe`: file descriptors 3 and 4, one JSON message per NUL-terminated line). The diagram
 * renderer needs only this: a page whose requests to one origin this process answers, and expressions evaluated in
 * it. Loading Playwright for it took 0.8 s of the build's CPU before the first diagram could start.
 */
export interface DevtoolsPage {
  /** The value of `expression` (a promise is awaited), as JSON carries it; an exception in the page rejects. */
  evaluate<T>(expression: string): Promise<T>;
  /** Closes the browser and removes its profile folder. */
  close(): Promise<void>;
  /** The browser's profile folder, a temporary one of its own. */
  readonly profile: string;
}

/** What the page gets for a request to its origin: a body, or undefined for a 404. */
export type Serve = (path: string) => { body: string; contentType: string } | undefined;

interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** Every browser still open, closed with this process however it ends. */
const open = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of open) child.kill('SIGKILL');
});

/**
 * Starts Chromium at `executablePath` with `args`, opens one page on `origin` (requests to it answered by `serve`,
 * any other request fails) and resolves once the page has loaded. Fails with Chromium's own last words when it cannot
 * start.
 */
export async function openDevtoolsPage(executablePath: string, args: readonly string[], origin: string, serve: Serve): Promise<DevtoolsPage> {
  const profile = mkdtempSync(join(tmpdir(), 'course-site-chromium-'));
  const child = spawn(executablePath, ['--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, ...args, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  open.add(child);
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));

  let next = 0;
  const pending = new Map<number, { resolve(result: Record<string, unknown>): void; reject(error: Error): void }>();
  const listeners = new Set<(message: Message) => void>();
  let gone: Error | undefined;
  const fail = (error: Error) => {
    gone ??= error;
    for (const waiter of pending.values()) waiter.reject(gone);
    pending.clear();
  };
  const exited = new Promise<void>((resolve) => {
    const ended = (error: Error) => {
      open.delete(child);
      rmSync(profile, { recursive: true, force: true });
      fail(error);
      resolve();
    };
    child.once('exit', (code, signal) => ended(new Error(`Chromium (${executablePath}) stopped (${signal ?? `exit code ${code}`})${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`)));
    // Never started (no such file, not executable): there is no exit to wait for.
    child.once('error', (error) => ended(new Error(`Chromium (${executablePath}) could not start: ${error.message}`)));
  });
  // A write after Chromium went away is reported by its exit.
  toBrowser.on('error', () => undefined);

  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      if (message.id === undefined) {
        for (const listener of listeners) listener(message);
        continue;
      }
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(`Chromium: ${message.error.message}`));
      else waiter?.resolve(message.result ?? {});
    }
  });

  const send = (method: string, params: object = {}, sessionId?: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      if (gone) return reject(gone);
      const id = ++next;
      pending.set(id, { resolve, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  const close = async () => {
    if (!gone) {
      // Asked to close, Chromium exits on its own; one that does not is killed.
      const killer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await send('Browser.close').catch(() => undefined);
      await exited;
      clearTimeout(killer);
    }
    await exited;
  };

  try {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    listeners.add((message) => {
      if (message.sessionId !== sessionId) return;
      if (message.method === 'Inspector.targetCrashed') fail(new Error('The diagram page crashed in Chromium.'));
      if (message.method !== 'Fetch.requestPaused') return;
      const { requestId, request } = message.params as { requestId: string; request: { url: string } };
      const url = new URL(request.url);
      const served = url.origin === origin ? serve(url.pathname) : undefined;
      const reply = served
        ? send('Fetch.fulfillRequest', { requestId, responseCode: 200, responseHeaders: [{ name: 'Content-Type', value: served.contentType }], body: Buffer.from(served.body, 'utf8').toString('base64') }, sessionId)
        : send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }, sessionId);
      reply.catch(() => undefined);
    });
    // Every request the page makes is answered here: nothing reaches the network.
    await send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, sessionId);
    await send('Inspector.enable', {}, sessionId);
    await send('Page.enable', {}, sessionId);
    const loaded = new Promise<void>((resolve) => listeners.add((message) => message.sessionId === sessionId && message.method === 'Page.loadEventFired' && resolve()));
    await send('Page.navigate', { url: `${origin}/` }, sessionId);
    await Promise.race([loaded, exited.then(() => Promise.reject(gone))]);
    return {
      async evaluate<T>(expression: string): Promise<T> {
        const { result, exceptionDetails } = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
          result: { value?: unknown };
          exceptionDetails?: { text: string; exception?: { description?: string } };
        };
        if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        return result.value as T;
      },
      close,
      profile,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
