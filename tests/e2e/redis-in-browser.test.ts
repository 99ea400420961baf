import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useSite, type Session } from '../support/browser';
import { describeWithChromium } from '../support/chromium';
import { axeViolations, cspViolations, recordCspViolations } from '../support/page-checks';
import { SITES } from '../support/sites';

/** Requests for the code and the engine that must wait for the first use. */
const ENGINE_ASSET = /\/(on-first-use|worker)\.[\w-]+\.js$|\.wasm$/;
const engineRequests = (s: Session) => s.requests.filter((url) => ENGINE_ASSET.test(new URL(url).pathname));

/** The replies panel under a block, once its status says how it ran. */
async function ranPanel(figure: Locator) {
  const panel = figure.locator('xpath=following-sibling::*[1][contains(@class, "run-result")]');
  await panel.locator('.run-result__status', { hasText: /ran on Redis/ }).waitFor();
  return panel;
}

const block = (page: Page, text: string) => page.locator('figure[data-run]', { hasText: text });

describeWithChromium('Run in browser', () => {
  const s = useSite('root');

  test('nothing of it loads before the first press; then the block’s replies show under it', async () => {
    const { page } = s;
    s.requests.length = 0;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByRole('button', { name: 'Run in browser' }).count()).toBe(2);
    expect(engineRequests(s)).toEqual([]);

    const figure = block(page, 'SET greeting');
    await figure.getByRole('button', { name: 'Run in browser' }).click();
    const panel = await ranPanel(figure);
    await expect.poll(() => panel.locator('.run-result__status').innerText()).toBe('2 commands ran on Redis 7.2.6 in your browser: every reply matches the lesson.');
    await expect.poll(() => panel.locator('.run-step').allInnerTexts()).toEqual(['127.0.0.1:6379> SET greeting "hello"\nOK', '127.0.0.1:6379> GET greeting\n"hello"']);
    expect(engineRequests(s).filter((url) => url.endsWith('.wasm'))).toHaveLength(1);
  });

  test('a continue block runs after its predecessor; varying values are labelled, a platform difference is labelled, a wrong reply is flagged', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/second-steps/`);
    // The skipped block has no button; the others have one each.
    await expect.poll(() => page.locator('figure.code[data-lang="redis-cli"]').count()).toBe(4);
    await expect.poll(() => page.getByRole('button', { name: 'Run in browser' }).count()).toBe(3);

    const continued = block(page, 'DBSIZE');
    await continued.getByRole('button', { name: 'Run in browser' }).click();
    const second = await ranPanel(continued);
    const first = await ranPanel(block(page, 'XADD events'));
    await expect.poll(() => second.locator('.run-result__status').innerText()).toBe('After the 1 block it continues, 2 commands ran on Redis 7.2.6 in your browser: 1 match the lesson, 1 differs from the lesson.');
    await expect.poll(() => first.locator('.run-badge').allInnerTexts()).toEqual(['varies: Redis generates the stream ID', 'differs in the browser (32-bit build)']);
    await expect.poll(() => second.locator('.run-step--same').innerText()).toBe('127.0.0.1:6379> GET session:1\n"alice"');
    const flagged = second.locator('.run-step--differs');
    await expect.poll(() => flagged.locator('.run-badge').innerText()).toBe('differs from the lesson');
    await expect.poll(() => flagged.locator('.run-step__detail').innerText()).toBe('expected: (integer) 3\nactual:   (integer) 2');
  });

  test('Stop ends a block that is still running', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/second-steps/`);
    const slow = block(page, 'BLPOP jobs 3');
    await slow.getByRole('button', { name: 'Run in browser' }).click();
    await slow.getByRole('button', { name: 'Stop' }).click();
    const panel = slow.locator('xpath=following-sibling::*[1]');
    await panel.locator('.run-result__status', { hasText: /[Ss]topped/ }).waitFor();
    await expect.poll(() => slow.getByRole('button', { name: 'Run in browser' }).isVisible()).toBe(true);
  });
});

/** Types a line into a client's box and presses Enter. */
async function type(page: Page, label: string, line: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.fill(line);
  await box.press('Enter');
}

/** Pastes text into the first client's box, as the clipboard would. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.querySelector('#redis-command-1')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const log = (page: Page, client = 1) => page.getByRole('log', { name: `Client ${client} output` });
/** Waits until the last entry or note of the client's log holds `text`. */
const shows = (page: Page, text: string, client = 1) => log(page, client).locator(':scope > *').last().filter({ hasText: text }).waitFor({ timeout: 120_000 });

describeWithChromium('the Redis console', () => {
  const s = useSite('root', {}, (session) => recordCspViolations(session.context));

  test('loads nothing until it is focused; runs commands as redis-cli prints them, with history and redis-cli’s quoting', async () => {
    const { page } = s;
    s.requests.length = 0;
    s.consoleErrors.length = 0;
    await page.goto(`${s.site.url}playground/`, { waitUntil: 'networkidle' });
    expect(engineRequests(s)).toEqual([]);
    await page.getByLabel('Redis command', { exact: true }).focus();
    await type(page, 'Redis command', 'SET k "hello world"');
    await shows(page, 'OK');
    await type(page, 'Redis command', 'GET k');
    await shows(page, '"hello world"');
    await type(page, 'Redis command', 'SET a "b');
    await shows(page, 'Invalid argument(s)');
    await type(page, 'Redis command', 'NOPE');
    await shows(page, "(error) ERR unknown command 'NOPE'");
    await type(page, 'Redis command', 'SELECT 3');
    // The entry shows the command before its reply; the prompt changes only once SELECT's reply is in.
    await expect.poll(() => page.locator('[data-console-prompt]').first().innerText()).toBe('127.0.0.1:6379[3]>');

    const box = page.getByLabel('Redis command', { exact: true });
    await box.press('ArrowUp');
    await expect.poll(() => box.inputValue()).toBe('SELECT 3');
    await box.press('ArrowUp');
    await box.press('ArrowUp');
    await expect.poll(() => box.inputValue()).toBe('SET a "b');
    await box.press('ArrowDown');
    await expect.poll(() => box.inputValue()).toBe('NOPE');
    await expect.poll(() => log(page).locator('.console-entry').allInnerTexts()).toEqual([
      '127.0.0.1:6379> SET k "hello world"\nOK',
      '127.0.0.1:6379> GET k\n"hello world"',
      '127.0.0.1:6379> SET a "b\nInvalid argument(s)\n\nunbalanced double quote in `SET a "b`; close it or escape it as \\"',
      "127.0.0.1:6379> NOPE\n(error) ERR unknown command 'NOPE', with args beginning with: ",
      '127.0.0.1:6379> SELECT 3\nOK',
    ]);
    expect(engineRequests(s).filter((url) => url.endsWith('.wasm'))).toHaveLength(1);
    expect(s.consoleErrors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('a line typed and entered while the console’s code is still loading runs once it has loaded', async () => {
    const { page } = s;
    // The console's code arrives late, as on a slow network: the Enter comes before the console listens.
    await page.route('**/on-first-use.*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    try {
      await page.goto(`${s.site.url}playground/`, { waitUntil: 'networkidle' });
      await type(page, 'Redis command', 'ECHO early');
      await shows(page, '"early"');
      await expect.poll(() => log(page).locator('.console-entry').allInnerTexts()).toEqual(['127.0.0.1:6379> ECHO early\n"early"']);
    } finally {
      await page.unroute('**/on-first-use.*.js');
    }
  });

  test('the second client publishes what the first receives', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}playground/`);
    await page.getByRole('button', { name: 'Second client' }).click();
    // The click loads the console first (nothing loads before it), then opens the second client.
    await expect.poll(() => page.getByRole('button', { name: 'Second client' }).getAttribute('aria-expanded'), { timeout: 15_000 }).toBe('true');
    await type(page, 'Redis command', 'SUBSCRIBE news');
    await shows(page, '3) (integer) 1');
    await type(page, 'Redis command (client 2)', 'PUBLISH news "hi there"');
    await shows(page, '(integer) 1', 2);
    await shows(page, '3) "hi there"');
    await expect.poll(() => log(page).innerText()).toContain('Reading messages... (press Ctrl-C to quit or any key to type command)\n1) "subscribe"\n2) "news"\n3) (integer) 1\n1) "message"\n2) "news"\n3) "hi there"');
    // Ctrl-C leaves the subscription, as in redis-cli.
    await page.getByLabel('Redis command', { exact: true }).press('Control+c');
    await shows(page, 'Stopped reading messages');
    await type(page, 'Redis command (client 2)', 'PUBLISH news again');
    await shows(page, '(integer) 0', 2);
  });

  test('a blocking command ends with Stop; a runaway script is stopped by restarting Redis, which says the data is gone', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}playground/`);
    await type(page, 'Redis command', 'SET kept yes');
    await shows(page, 'OK');
    await type(page, 'Redis command', 'BLPOP jobs 0');
    await page.getByRole('button', { name: 'Stop', disabled: false }).waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await shows(page, '(nil)');
    await type(page, 'Redis command', 'GET kept');
    await shows(page, '"yes"');

    await type(page, 'Redis command', 'EVAL "while true do end" 0');
    await page.getByRole('button', { name: 'Stop' }).click();
    await shows(page, 'Redis was stopped and restarted: every key is gone.');
    await type(page, 'Redis command', 'GET kept');
    await shows(page, '(nil)');
    await page.getByRole('button', { name: 'Stop', disabled: true }).waitFor();
  });

  // Generous, not a speed check: a 10 MB value and 10,000 commands take a while on a busy machine.
  test('bad input gets a clear reply: a 10 MB value, memory exhaustion, 10,000 pasted commands; the page stays responsive', { timeout: 300_000 }, async () => {
    const { page } = s;
    await page.goto(`${s.site.url}playground/`);
    await type(page, 'Redis command', 'PING');
    await shows(page, 'PONG');
    await paste(page, `SET big ${'x'.repeat(10 * 1024 * 1024)}`);
    await shows(page, 'OK');
    await type(page, 'Redis command', 'STRLEN big');
    await shows(page, '(integer) 10485760');
    await type(page, 'Redis command', 'GET big');
    await shows(page, 'more characters)');
    // The engine's maxmemory (64 MB) answers with Redis's own error instead of taking the tab down.
    for (const key of ['a', 'b', 'c']) await type(page, 'Redis command', `SETRANGE fill:${key} 30000000 x`);
    await type(page, 'Redis command', 'SET one more');
    await shows(page, "(error) OOM command not allowed when used memory > 'maxmemory'.");

    await type(page, 'Redis command', 'FLUSHALL');
    await shows(page, 'FLUSHALL');
    await paste(page, Array.from({ length: 10_000 }, (_, i) => `INCR pasted:${i % 7}`).join('\n'));
    await shows(page, '10,000 pasted lines ran.');
    await expect.poll(() => log(page).locator('.console-entry').count()).toBeLessThanOrEqual(1000);
    await type(page, 'Redis command', 'GET pasted:0');
    await shows(page, '"1429"');
  });

  test('at the end of a lesson it is folded, keeps its own keys apart from Run in browser, and links to its page', async () => {
    const { page } = s;
    s.requests.length = 0;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`, { waitUntil: 'networkidle' });
    const fold = page.locator('details.redis-console');
    await expect.poll(() => fold.getAttribute('open')).toBeNull();
    await fold.locator('summary').click();
    expect(engineRequests(s)).toEqual([]);
    await type(page, 'Redis command', 'SET greeting mine');
    await shows(page, 'OK');
    const figure = block(page, 'SET greeting');
    await figure.getByRole('button', { name: 'Run in browser' }).click();
    await ranPanel(figure);
    await type(page, 'Redis command', 'GET greeting');
    await shows(page, '"mine"');
    await expect.poll(() => fold.getByRole('link', { name: 'Open the console on its own page' }).getAttribute('href')).toBe('/playground/');
  });
});

for (const scheme of ['light', 'dark'] as const) {
  describeWithChromium(`the console and Run in browser in the ${scheme} scheme`, () => {
    const s = useSite('root', { colorScheme: scheme }, (session) => recordCspViolations(session.context));

    test('have no WCAG 2.2 AA violations in use, no CSP violations and no console errors', async () => {
      const { page } = s;
      s.consoleErrors.length = 0;
      await page.goto(`${s.site.url}playground/`);
      await page.getByRole('button', { name: 'Second client' }).click();
      await type(page, 'Redis command', 'HSET user:1 name Ada');
      await type(page, 'Redis command', 'NOPE');
      await type(page, 'Redis command', 'SET a "b');
      await shows(page, 'Invalid argument(s)');
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${s.site.url}redis-fundamentals/second-steps/`);
      await page.locator('details.redis-console summary').click();
      const continued = block(page, 'DBSIZE');
      await continued.getByRole('button', { name: 'Run in browser' }).click();
      await ranPanel(continued);
      expect(await axeViolations(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    });
  });
}

describeWithChromium('Redis in the browser under BASE_PATH=/redis-mastery/', () => {
  const s = useSite('subpath');

  test('Run, the console and the engine all load from under the base', async () => {
    const { page } = s;
    s.requests.length = 0;
    await page.goto(`${s.site.url}redis-fundamentals/welcome/`);
    const figure = block(page, 'SET greeting');
    await figure.getByRole('button', { name: 'Run in browser' }).click();
    await ranPanel(figure);
    await page.goto(`${s.site.url}playground/`);
    await type(page, 'Redis command', 'PING');
    await shows(page, 'PONG');
    const engine = engineRequests(s).map((url) => new URL(url).pathname);
    expect(engine.length).toBeGreaterThanOrEqual(3);
    expect(engine.filter((path) => !path.startsWith('/redis-mastery/_astro/'))).toEqual([]);
  });
});

describeWithChromium('a course without redis-cli blocks', () => {
  test('gets no Run button, no console, no /playground/ page and no engine in its output', () => {
    const files = readdirSync(SITES.other.outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    expect(files.filter((file) => /\.wasm$|[\\/]playground[\\/]|[\\/](worker|on-first-use|RedisConsole)\./.test(file))).toEqual([]);
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(8);
    expect(pages.filter((file) => /data-redis-use|data-redis-console/.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});

describeWithChromium('the real course in the browser', () => {
  const s = useSite('course');

  test('every block of a lesson runs, and no reply differs from what the lesson shows', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}redis-fundamentals/why-redis-is-fast/`);
    const figures = page.locator('figure[data-run]');
    const count = await figures.count();
    expect(count).toBeGreaterThan(2);
    for (let k = 0; k < count; k++) {
      await figures.nth(k).getByRole('button', { name: 'Run in browser' }).click();
      await ranPanel(figures.nth(k));
    }
    await expect.poll(() => page.locator('.run-step').count()).toBeGreaterThan(count);
    await expect.poll(() => page.locator('.run-step--differs, .run-step--no-reply').allInnerTexts()).toEqual([]);
    await expect.poll(() => page.locator('.run-badge--platform').allInnerTexts()).toContain('differs in the browser (32-bit build)');
  });

  test('a session typed in three terminals runs as one, each terminal’s replies under its own block', async () => {
    const { page } = s;
    await page.goto(`${s.site.url}advanced-patterns/pub-sub/`);
    const terminal = (client: string) => page.locator(`figure[data-run-client="${client}"]`);
    await terminal('3').getByRole('button', { name: 'Run in browser' }).click();
    const [subscriber, patterns, publisher] = await Promise.all(['1', '2', '3'].map((client) => ranPanel(terminal(client))));
    await expect.poll(() => subscriber!.locator('.run-step').allInnerTexts()).toEqual(['127.0.0.1:6379> SUBSCRIBE prices:BTC\n1) "subscribe"\n2) "prices:BTC"\n3) (integer) 1\n1) "message"\n2) "prices:BTC"\n3) "64210.5"']);
    await expect.poll(() => patterns!.locator('.run-step').count()).toBe(1);
    await expect.poll(() => publisher!.locator('.run-result__status').innerText()).toBe('After the 2 blocks it continues, 2 commands ran on Redis 7.2.6 in your browser: every reply matches the lesson.');
    await expect.poll(() => page.locator('.run-step--differs, .run-step--no-reply').allInnerTexts()).toEqual([]);
  });
});
