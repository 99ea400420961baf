import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';

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

/**
 * Renders Mermaid diagrams to SVG in one headless Chromium page shared by the whole build,
 * with a content-keyed cache on disk so unchanged diagrams are never rendered twice.
 */
export class MermaidRenderer {
  private page: Promise<Page> | undefined;
  private browser: Browser | undefined;
  private queue: Promise<unknown> = Promise.resolve();
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
    const id = `mermaid-${diagramKey(source)}`;
    const result = await this.enqueue(async () => ({
      light: await this.renderOnce(source, `${id}-light`, 'default'),
      dark: await this.renderOnce(source, `${id}-dark`, 'dark'),
    }));
    writeFileSync(file, JSON.stringify(result));
    this.stats.rendered++;
    return result;
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const browser = this.browser;
    this.page = undefined;
    this.browser = undefined;
    await browser?.close();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    clearTimeout(this.idleTimer);
    this.pending++;
    const run = this.queue.then(task, task);
    this.queue = run
      .catch(() => undefined)
      .finally(() => {
        // Only an empty queue may start the idle countdown; any new work cancels it.
        if (--this.pending === 0) this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
      });
    return run;
  }

  private async renderOnce(source: string, id: string, theme: 'default' | 'dark'): Promise<string> {
    const page = await (this.page ??= this.open());
    const outcome = await page.evaluate(
      async ({ source, id, config }) => {
        const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
        mermaid.initialize(config);
        try {
          await mermaid.parse(source);
          const { svg } = await mermaid.render(id, source);
          return { svg };
        } catch (error) {
          document.getElementById(`d${id}`)?.remove();
          return { error: error instanceof Error ? error.message : String(error) };
        }
      },
      { source, id, config: { ...CONFIG, theme } },
    );
    if ('error' in outcome) throw new DiagramSyntaxError(outcome.error ?? 'unknown error', parseErrorLine(outcome.error ?? ''));
    return outcome.svg;
  }

  private async open(): Promise<Page> {
    this.browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS });
    const page = await this.browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_SCRIPT });
    return page;
  }
}

interface MermaidApi {
  initialize(config: object): void;
  parse(source: string): Promise<unknown>;
  render(id: string, source: string): Promise<{ svg: string }>;
}

let shared: MermaidRenderer | null | undefined;

/** The build's renderer, or null (said once) when no browser is installed or client rendering is asked for. */
export function sharedMermaidRenderer(cacheDir: string, log: (message: string) => void = console.warn): MermaidRenderer | null {
  if (shared !== undefined) return shared;
  const forcedClient = process.env.MERMAID_RENDER === 'client';
  const executablePath = forcedClient ? undefined : findChromium();
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
