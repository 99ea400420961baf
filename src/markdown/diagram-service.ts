import { settings } from '../env';
import { courseDiagrams, createMermaidRenderer, DiagramSyntaxError, IDLE_MS, MermaidRenderer, noRendererReason, remember } from './mermaid-renderer';

/*
 * `npm run build` and `npm run dev` draw the diagrams in their own process (settings.diagramsFromParent in Astro's):
 * its browser then starts with the command, while Astro is still loading.
 */

/** What the diagram stage needs of a renderer: a MermaidRenderer in this process, or the parent process's. */
export interface DiagramRenderer {
  /** The diagram as one SVG; a diagram Mermaid cannot parse rejects with a DiagramSyntaxError. */
  render(source: string): Promise<string>;
  close(): Promise<void>;
  readonly stats: { cached: number; rendered: number };
}

/** One end of a Node IPC channel: `process` in the child, the ChildProcess in the parent. */
export interface Channel {
  send(message: object): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

type Outcome = { svg: string; cached: boolean } | { syntaxError: string; line: number | undefined } | { failure: string };
interface Request {
  diagramRequest: { id: number; source: string };
}
interface Reply {
  diagramReply: { id: number } & Outcome;
}

const isRequest = (message: unknown): message is Request => typeof message === 'object' && message !== null && 'diagramRequest' in message;
const isReply = (message: unknown): message is Reply => typeof message === 'object' && message !== null && 'diagramReply' in message;

/** In the parent: draws what the child asks for with `renderer`, and answers on the same channel. */
export function serveDiagrams(child: Channel & { readonly connected: boolean }, renderer: Pick<MermaidRenderer, 'render' | 'cached'>): void {
  child.on('message', (message) => {
    if (!isRequest(message)) return;
    const { id, source } = message.diagramRequest;
    renderer
      .render(source)
      .then(
        (svg): Outcome => ({ svg, cached: renderer.cached(source) }),
        (error: unknown): Outcome =>
          error instanceof DiagramSyntaxError ? { syntaxError: error.message, line: error.line } : { failure: error instanceof Error ? error.message : String(error) },
      )
      .then((outcome) => {
        // A child that went away (a failed build) needs no answer.
        if (child.connected) child.send({ diagramReply: { id, ...outcome } });
      });
  });
}

/** How a renderer starts on a course's diagrams (the lessons folder): all drawn at once, or only the browser readied once `after` settles. */
export type CourseStart = { prefetch: string } | { warm: string; after: Promise<void> };

/**
 * In `npm run build` and `npm run dev`: a renderer drawing for the Astro process on `child`, started on the course's
 * diagrams as `start` says. Undefined when there is no browser to draw with.
 */
export function drawDiagramsFor(child: Channel & { readonly connected: boolean }, cacheDir: string, idle: keyof typeof IDLE_MS, start: CourseStart): MermaidRenderer | undefined {
  const renderer = createMermaidRenderer(cacheDir, IDLE_MS[idle]);
  if (!renderer) return undefined;
  serveDiagrams(child, renderer);
  if ('prefetch' in start) renderer.prefetch(courseDiagrams(start.prefetch));
  else void start.after.then(() => renderer.warmFor(courseDiagrams(start.warm)));
  return renderer;
}

/** In the child: diagrams drawn by the parent's renderer (serveDiagrams). */
export class ParentRenderer implements DiagramRenderer {
  private next = 0;
  private readonly waiting = new Map<number, { resolve(svg: string): void; reject(error: Error): void }>();
  /** Every diagram asked for, by source: asking twice (a build's compile, then its slot) asks the parent once. */
  private readonly asked = new Map<string, Promise<string>>();
  readonly stats = { cached: 0, rendered: 0 };

  constructor(private readonly parent: Channel) {
    parent.on('message', (message) => {
      if (!isReply(message)) return;
      const { id, ...outcome } = message.diagramReply;
      const waiter = this.waiting.get(id);
      this.waiting.delete(id);
      if (!waiter) return;
      if ('svg' in outcome) {
        this.stats[outcome.cached ? 'cached' : 'rendered']++;
        waiter.resolve(outcome.svg);
      } else if ('syntaxError' in outcome) waiter.reject(new DiagramSyntaxError(outcome.syntaxError, outcome.line));
      else waiter.reject(new Error(outcome.failure));
    });
  }

  render(source: string): Promise<string> {
    const known = this.asked.get(source);
    if (known) return known;
    const id = this.next++;
    const drawing = new Promise<string>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.parent.send({ diagramRequest: { id, source } } satisfies Request);
    });
    return remember(this.asked, source, drawing);
  }

  /** The browser is the parent's to close. */
  async close(): Promise<void> {}
}

let shared: DiagramRenderer | null | undefined;

/** This process's renderer, or null (said once) when no browser is installed or client rendering is asked for. */
export function sharedDiagramRenderer(cacheDir: string, log: (message: string) => void = console.warn): DiagramRenderer | null {
  if (shared !== undefined) return shared;
  if (settings.diagramsFromParent && process.send) {
    shared = new ParentRenderer(process as Channel);
    return shared;
  }
  shared = createMermaidRenderer(cacheDir);
  if (!shared) log(noRendererReason());
  return shared;
}

/** At the start of a build: every diagram of the course's lessons starts rendering while the rest of the build gets going. */
export function prefetchCourseDiagrams(lessonsDir: string, cacheDir: string, log: (message: string) => void): void {
  const renderer = sharedDiagramRenderer(cacheDir, log);
  // A parent that draws the diagrams started on the course's before this process did.
  if (renderer instanceof MermaidRenderer) renderer.prefetch(courseDiagrams(lessonsDir));
}

/** Closes the shared browser, if this process opened one. */
export async function closeSharedDiagramRenderer(): Promise<void> {
  await shared?.close();
}
