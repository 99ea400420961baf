import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { settings } from '../env';
import { CHROMIUM_ARGS, findChromium } from '../chromium';

const require = createRequire(import.meta.url);
const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_VERSION: string = require('mermaid/package.json').version;

/** Arial's metrics (Liberation Sans on Linux) so labels measured at build fit in a reader's browser. */
export const DIAGRAM_FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';

/** The two renderings of one diagram, shown by colour scheme. */
export interface RenderedDiagram {
  light: string;
  dark: string;
}

/** A diagram whose source Mermaid cannot parse; `line` is 1-based inside the diagram. */
export class DiagramSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = 'DiagramSyntaxError';
  }
}

const CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  fontFamily: DIAGRAM_FONT,
  flowchart: { htmlLabels: false },
  htmlLabels: false,
} as const;

/** Key of the on-disk cache: the diagram, the Mermaid version and our configuration. */
export function diagramKey(source: string): string {
  return createHash('sha256').update(`${MERMAID_VERSION}\n${JSON.stringify(CONFIG)}\n${source}`).digest('hex').slice(0, 16);
}

/** Reads Mermaid's "Parse error on line N" (or "line: N") out of its message. */
export function parseErrorLine(message: string): number | undefined {
  const match = /line:?\s*(\d+)/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** Pages rendering at once; each gets its own renderer process, so two keep two cores busy. */
const PAGES = 2;

/**
 * Renders Mermaid diagrams to SVG in one headless Chromium shared by the whole build (a small pool of pages),
 * with a content-keyed cache on disk so unchanged diagrams are never rendered twice.
 */
export class MermaidRenderer {
  private browser: Promise<Browser> | undefined;
  private idle: Promise<Page>[] = [];
  private opened = 0;
  private waiting: ((page: Promise<Page>) => void)[] = [];
  private pending = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  /** How many diagrams came from the cache and how many were rendered, for the build log. */
  readonly stats = { cached: 0, rendered: 0 };

  constructor(
    private readonly cacheDir: string,
    private readonly executablePath: string,
    /** Close the browser after this long without work, so a finished build can exit. */
    private readonly idleMs = 1500,
  ) {
    mkdirSync(cacheDir, { recursive: true });
  }

  async render(source: string): Promise<RenderedDiagram> {
    const file = join(this.cacheDir, `${diagramKey(source)}.json`);
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as RenderedDiagram;
      this.stats.cached++;
      return cached;
    } catch {
      // Not cached yet: render below.
    }
    const result = await this.withPage((page) => renderBothSchemes(page, source, `mermaid-${diagramKey(source)}`));
    writeFileSync(file, JSON.stringify(result));
    this.stats.rendered++;
    return result;
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const browser = this.browser;
    this.browser = undefined;
    this.idle = [];
    this.opened = 0;
    await (await browser?.catch(() => undefined))?.close();
  }

  /** Runs `task` on a free page, opening up to PAGES of them; the browser closes once no work is left. */
  private async withPage<T>(task: (page: Page) => Promise<T>): Promise<T> {
    clearTimeout(this.idleTimer);
    this.pending++;
    const page = this.acquire();
    try {
      return await task(await page);
    } finally {
      const next = this.waiting.shift();
      if (next) next(page);
      else this.idle.push(page);
      // Only an empty queue may start the idle countdown; any new work cancels it.
      if (--this.pending === 0) this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
    }
  }

  private acquire(): Promise<Page> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.opened < PAGES) {
      this.opened++;
      return this.openPage();
    }
    return new Promise<Page>((resolve) => this.waiting.push(resolve));
  }

  private async openPage(): Promise<Page> {
    this.browser ??= chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS });
    const context = await (await this.browser).newContext();
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_SCRIPT });
    return page;
  }
}

/** Both colour schemes in one round trip; `render` parses too, so a syntax error surfaces from the first call. */
async function renderBothSchemes(page: Page, source: string, id: string): Promise<RenderedDiagram> {
  const outcome = await page.evaluate(
    async ({ source, id, config }) => {
      const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
      const svgs: string[] = [];
      try {
        for (const theme of ['default', 'dark']) {
          mermaid.initialize({ ...config, theme });
          svgs.push((await mermaid.render(`${id}-${theme === 'default' ? 'light' : 'dark'}`, source)).svg);
        }
        return { light: svgs[0]!, dark: svgs[1]! };
      } catch (error) {
        for (const el of document.querySelectorAll(`[id^="d${id}"]`)) el.remove();
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    { source, id, config: CONFIG },
  );
  if ('error' in outcome) throw new DiagramSyntaxError(outcome.error ?? 'unknown error', parseErrorLine(outcome.error ?? ''));
  return outcome;
}

interface MermaidApi {
  initialize(config: object): void;
  render(id: string, source: string): Promise<{ svg: string }>;
}

let shared: MermaidRenderer | null | undefined;

/** The build's renderer, or null (said once) when no browser is installed or client rendering is asked for. */
export function sharedMermaidRenderer(cacheDir: string, log: (message: string) => void = console.warn): MermaidRenderer | null {
  if (shared !== undefined) return shared;
  const forcedClient = settings.mermaidRender === 'client';
  const executablePath = forcedClient ? undefined : findChromium(settings);
  if (!executablePath) {
    log(
      forcedClient
        ? '[diagrams] MERMAID_RENDER=client: diagrams will be drawn in the browser, on the pages that have them.'
        : '[diagrams] No Chromium found (install `chromium` or set CHROME_PATH): diagrams will be drawn in the browser, on the pages that have them.',
    );
    shared = null;
    return shared;
  }
  shared = new MermaidRenderer(cacheDir, executablePath);
  return shared;
}

/** Closes the shared browser, if one was opened. */
export async function closeSharedMermaidRenderer(): Promise<void> {
  await shared?.close();
}
