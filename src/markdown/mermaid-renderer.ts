import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { settings } from '../env';
import { CHROMIUM_ARGS, diagramBrowser } from '../chromium';
import { lessonFiles } from '../course/folder';
import { openDevtoolsPage, type DevtoolsPage, type Serve } from './devtools-page';
import { diagramSources } from './diagram-sources';
import { MERMAID_CONFIG } from './diagram-theme';
import { withFastConfigCopy } from './mermaid-config-copy';

const require = createRequire(import.meta.url);
/** Mermaid's ES module build: a 31 KB entry that loads only the chunks the diagrams drawn need (the one-file build is 5.5 MB to parse). */
const MERMAID_DIST = dirname(require.resolve('mermaid/dist/mermaid.esm.min.mjs'));
/** The renderer's pages live on this origin, served from MERMAID_DIST by the page's own route: nothing listens on a port. */
const RENDER_ORIGIN = 'http://mermaid-renderer.localhost';
const MERMAID_VERSION: string = require('mermaid/package.json').version;

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

/**
 * Keeps `drawing` in `memo` under `key`, so that asking again gets the same drawing; a failure of the browser (not of
 * the diagram) is forgotten, so the next request tries again. Returns `drawing`.
 */
export function remember(memo: Map<string, Promise<string>>, key: string, drawing: Promise<string>): Promise<string> {
  drawing.catch((error: unknown) => {
    if (!(error instanceof DiagramSyntaxError)) memo.delete(key);
  });
  memo.set(key, drawing);
  return drawing;
}

/** Raised whenever what is done to Mermaid's SVG changes, so that SVGs cached before are drawn again. */
const OUTPUT_VERSION = 4;

/** Key of the on-disk cache: the diagram, the Mermaid version, our configuration (theme sentinels included) and output. */
export function diagramKey(source: string): string {
  return createHash('sha256').update(`${MERMAID_VERSION}\n${OUTPUT_VERSION}\n${JSON.stringify(MERMAID_CONFIG)}\n${source}`).digest('hex').slice(0, 16);
}

/** Where a diagram drawn once is kept in the cache folder, by its key (diagramKey). */
export const diagramFile = (cacheDir: string, key: string): string => join(cacheDir, `${key}.svg`);

/** Whether `source` was drawn before and is in the cache folder. */
export const isDrawn = (cacheDir: string, source: string): boolean => existsSync(diagramFile(cacheDir, diagramKey(source)));

/** Reads Mermaid's "Parse error on line N" (or "line: N") out of its message. */
export function parseErrorLine(message: string): number | undefined {
  const match = /line:?\s*(\d+)/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

/**
 * Pages rendering at once. One: on two cores a second page costs more than it gains (its own renderer process, and
 * Mermaid loaded and compiled again): `npm run bench:diagrams` measured 42 diagrams in 6.5 s on one page, 9.4 s on two.
 */
const PAGES = 1;
/** How long a renderer keeps its browser after the last diagram: a build's ends soon; `npm run dev` waits for the next edit. */
export const IDLE_MS = { build: 1500, dev: 5 * 60_000 };

/** Diagrams a page renders per round trip: the trip's cost vanishes, and results still come back every few hundred ms. */
const BATCH = 8;

interface Job {
  key: string;
  source: string;
  resolve(svg: string): void;
  reject(error: Error): void;
}

type Outcome = { svg: string } | { error: string };

/**
 * Renders Mermaid diagrams to SVG, once each, in one headless Chromium shared by the whole build: queued diagrams
 * go to a small pool of pages in batches, and a content-keyed cache on disk means an unchanged diagram is never
 * rendered again. Each SVG is themed by CSS custom properties (diagram-theme.ts), so it serves both colour schemes.
 */
export class MermaidRenderer {
  /** Every page opened and not closed yet, each in a browser of its own. */
  private pages: Promise<DevtoolsPage>[] = [];
  private idle: Promise<DevtoolsPage>[] = [];
  private queue: Job[] = [];
  private running = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private finishing: Promise<(svg: string) => string> | undefined;
  /** Every diagram asked for in this process, by key: asking twice renders once. */
  private readonly results = new Map<string, Promise<string>>();
  /** Keys of the diagrams found in the on-disk cache. */
  private readonly fromDisk = new Set<string>();
  /** How many diagrams came from the cache and how many were rendered, for the build log. */
  readonly stats = { cached: 0, rendered: 0 };

  constructor(
    private readonly cacheDir: string,
    private readonly executablePath: string,
    /** Close the browser after this long without work, so a finished build can exit. */
    private readonly idleMs = IDLE_MS.build,
    /**
     * What is done to Mermaid's SVG before it is kept (a test compares the drawing with and without slimming); by
     * default finishDiagram (diagram-finish.ts), loaded with the first diagram drawn: a process that only asks
     * another for its diagrams (Astro's, diagram-service.ts) never loads the slimming's HTML parser and selector engine.
     */
    private readonly finish?: (svg: string) => string,
    /** Serve Mermaid with its getConfig copying faster (a test compares the drawing with Mermaid's own getConfig). */
    private readonly fastConfigCopy = true,
  ) {
    mkdirSync(cacheDir, { recursive: true });
  }

  /** The diagram as one SVG; a diagram Mermaid cannot parse rejects with a DiagramSyntaxError. */
  render(source: string): Promise<string> {
    const key = diagramKey(source);
    const known = this.results.get(key);
    if (known) {
      this.hurry(key);
      return known;
    }
    return remember(this.results, key, this.fromCache(key) ?? this.enqueue(key, source));
  }

  /** Whether `source`, asked for before, was found in the on-disk cache rather than rendered. */
  cached(source: string): boolean {
    return this.fromDisk.has(diagramKey(source));
  }

  /** Starts on diagrams the build will ask for later, so rendering overlaps whatever the build does first. */
  prefetch(sources: readonly string[]): void {
    // Whoever asks for a diagram later gets its error; unasked, it is no one's.
    for (const source of sources) this.render(source).catch(() => undefined);
  }

  /**
   * Opens the browser's page and loads Mermaid, and the code that finishes its SVGs, before any diagram is asked for,
   * when none of `sources` is in the on-disk cache (a course never built or previewed here): the first lesson then
   * waits only for its drawing. With some cached, the first lesson likely needs no browser, and starting one would
   * slow it (measured on 42 lessons: 0.8 s gained from no cache, 0.5 s lost with a previous preview's).
   */
  warmFor(sources: readonly string[]): void {
    if (this.pages.length > 0 || sources.length === 0 || sources.some((source) => isDrawn(this.cacheDir, source))) return;
    const page = this.openPage();
    // A browser that fails to start fails the first diagram instead (run() awaits this page).
    page.catch(() => undefined);
    this.idle.push(page);
    // Loaded now too; a failure to load fails the first diagram instead.
    this.finisher().catch(() => undefined);
    this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const pages = this.pages;
    this.pages = [];
    this.idle = [];
    await Promise.all(pages.map(async (page) => (await page.catch(() => undefined))?.close()));
  }

  private fromCache(key: string): Promise<string> | undefined {
    try {
      const svg = readFileSync(diagramFile(this.cacheDir, key), 'utf8');
      this.fromDisk.add(key);
      this.stats.cached++;
      return Promise.resolve(svg);
    } catch {
      return undefined;
    }
  }

  private enqueue(key: string, source: string): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ key, source, resolve, reject });
      this.pump();
    });
  }

  /** A diagram a lesson is waiting for goes before those only prefetched. */
  private hurry(key: string): void {
    const at = this.queue.findIndex((job) => job.key === key);
    if (at > 0) this.queue.unshift(...this.queue.splice(at, 1));
  }

  /** Hands queued diagrams to free pages, opening up to PAGES, in batches split evenly between them. */
  private pump(): void {
    clearTimeout(this.idleTimer);
    while (this.queue.length > 0 && (this.idle.length > 0 || this.pages.length < PAGES)) {
      const page = this.idle.pop() ?? this.openPage();
      const size = Math.min(BATCH, Math.ceil(this.queue.length / PAGES));
      void this.run(page, this.queue.splice(0, size));
    }
  }

  private async run(page: Promise<DevtoolsPage>, batch: Job[]): Promise<void> {
    this.running++;
    let outcomes: Outcome[];
    try {
      outcomes = await renderBatch(await page, batch);
      this.idle.push(page);
    } catch (error) {
      for (const job of batch) job.reject(error instanceof Error ? error : new Error(String(error)));
      // The page is unusable: a later batch opens a new one.
      this.pages = this.pages.filter((p) => p !== page);
      void page.then((p) => p.close()).catch(() => undefined);
      return;
    } finally {
      this.running--;
      // The page starts on the next batch before this one is finished here, so it never waits for this process.
      this.pump();
      if (this.running === 0 && this.queue.length === 0) this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
    }
    // Lets the next batch's request reach the page first.
    await new Promise((resolve) => setImmediate(resolve));
    let finish: (svg: string) => string;
    try {
      finish = await this.finisher();
    } catch (error) {
      for (const job of batch) job.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) {
        job.reject(new DiagramSyntaxError(outcome.error, parseErrorLine(outcome.error)));
        return;
      }
      try {
        const svg = finish(outcome.svg);
        writeFileSync(diagramFile(this.cacheDir, job.key), svg);
        this.stats.rendered++;
        job.resolve(svg);
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** What is done to each SVG: the constructor's `finish`, or finishDiagram, loaded once. */
  private finisher(): Promise<(svg: string) => string> {
    if (this.finish) return Promise.resolve(this.finish);
    return (this.finishing ??= import('./diagram-finish').then((module) => module.finishDiagram));
  }

  private openPage(): Promise<DevtoolsPage> {
    const serve: Serve = (path) => {
      if (path === '/') return { body: '<!doctype html><html><body></body></html>', contentType: 'text/html' };
      const file = normalize(join(MERMAID_DIST, path));
      if (!file.startsWith(MERMAID_DIST) || !file.endsWith('.mjs') || !existsSync(file)) return undefined;
      return { body: this.fastConfigCopy ? mermaidModule(file) : readFileSync(file, 'utf8'), contentType: 'text/javascript' };
    };
    const page = openDevtoolsPage(this.executablePath, CHROMIUM_ARGS, RENDER_ORIGIN, serve).then(async (opened) => {
      await opened.evaluate(`import('/mermaid.esm.min.mjs').then((m) => { globalThis.mermaid = m.default; m.default.initialize(${JSON.stringify(MERMAID_CONFIG)}); })`);
      return opened;
    });
    this.pages.push(page);
    return page;
  }
}

const servedModules = new Map<string, string>();

/** One of Mermaid's modules as the renderer's page loads it: the config chunk with getConfig's faster copy. */
function mermaidModule(file: string): string {
  let body = servedModules.get(file);
  if (body === undefined) {
    const source = readFileSync(file, 'utf8');
    body = withFastConfigCopy(source) ?? source;
    servedModules.set(file, body);
  }
  return body;
}

/**
 * One round trip: the page renders each diagram in turn; `render` parses too, so a syntax error is that diagram's
 * outcome. Layouts that jitter draw from Math.random, seeded per diagram so that a diagram is drawn the same every time.
 */
function renderBatch(page: DevtoolsPage, batch: readonly Job[]): Promise<Outcome[]> {
  const jobs = batch.map((job) => ({ id: `mermaid-${job.key}`, source: job.source, seed: parseInt(job.key.slice(0, 8), 16) }));
  return page.evaluate<Outcome[]>(`(${RENDER_IN_PAGE})(${JSON.stringify(jobs)})`);
}

/** What renderBatch runs in the page, as text: a function from this file would be rewritten by a bundler or a test runner. */
const RENDER_IN_PAGE = `async (jobs) => {
  const outcomes = [];
  for (const { id, source, seed } of jobs) {
    let state = seed;
    Math.random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
    try {
      outcomes.push({ svg: (await globalThis.mermaid.render(id, source)).svg });
    } catch (error) {
      for (const el of document.querySelectorAll('[id^="d' + id + '"]')) el.remove();
      outcomes.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}`;

/** A renderer for this process, or null when no browser is installed or client rendering is asked for (see `noRendererReason`). */
export function createMermaidRenderer(cacheDir: string, idleMs = IDLE_MS.build): MermaidRenderer | null {
  const executablePath = diagramBrowser(settings);
  return executablePath ? new MermaidRenderer(cacheDir, executablePath, idleMs) : null;
}

/** Why createMermaidRenderer gave none, for the build log. */
export function noRendererReason(): string {
  return settings.mermaidRender === 'client'
    ? '[diagrams] MERMAID_RENDER=client: diagrams will be drawn in the browser, on the pages that have them.'
    : '[diagrams] No Chromium found (install `chromium` or set CHROME_PATH): diagrams will be drawn in the browser, on the pages that have them.';
}

/** Every diagram of the course's lessons, for a renderer to start on before the lessons compile. */
export function courseDiagrams(lessonsDir: string): string[] {
  return lessonFiles([], lessonsDir).flatMap((lesson) => diagramSources(lesson.raw));
}
