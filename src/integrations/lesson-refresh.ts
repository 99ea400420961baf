import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HotPayload, ViteDevServer } from 'vite';
import { frontmatterText } from '../course/lesson-source';
import { nextDevGeneration } from './dev-generation';

/** The event a page in `npm run dev` gets, instead of a reload, after a save that changed only a lesson's body. */
export const LESSON_REFRESH_EVENT = 'course-site:lesson-body-saved';
/** The event a page sends once it can update itself in place; other pages (an error page, say) still reload. */
export const LESSON_REFRESH_READY_EVENT = 'course-site:refresh-ready';

/** What goes to the pages that update in place and what to the others; undefined: nothing. */
export interface Routed {
  refreshing: HotPayload | undefined;
  others: HotPayload | undefined;
}

/** How long after a save its reloads are still taken to be that save's. */
const SAVE_WINDOW_MS = 3000;

/**
 * What the pages of `npm run dev` are told after a lesson is saved. Astro reloads them twice for one save: at once,
 * as the lesson's module changed, and again about half a second later, when its content store has been written to
 * disk (withastro/astro#12751). When only the body changed, the first reload is all a page needs: it becomes an
 * in-place update of the page's words (src/client/dev-refresh.ts), and the second is dropped. Any other save
 * (frontmatter, a new or removed lesson) reloads every page at once, and the second reload only checks.
 */
export class LessonRefresh {
  readonly #frontmatter = new Map<string, string | undefined>();
  /** The body-only save whose first reload becomes an update, and when it was made. */
  #bodySave: { file: string; at: number } | undefined;
  /** Until when the content store's reload is dropped. */
  #dropStoreReloadUntil = 0;
  /** A frontmatter change, or a lesson added or removed, that the content store's reload has not yet brought. */
  #storeBehind = false;
  /** When the last such change was made: the store's reload that follows it becomes a check for the pages that can. */
  #structuralAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly now: () => number = Date.now,
    /** Numbers each update: pages carry the number they were rendered at (src/integrations/dev-generation.ts). */
    private readonly nextGeneration: () => number = nextDevGeneration,
  ) {}

  /** A lesson as it is when the server starts: what its first save is compared with. */
  know(file: string, text: string): void {
    this.#frontmatter.set(resolve(file), frontmatterText(text));
  }

  /** A lesson saved; returns whether only its body changed. */
  saved(file: string, text: string): boolean {
    const path = resolve(file);
    const before = this.#frontmatter.get(path);
    const after = frontmatterText(text);
    this.#frontmatter.set(path, after);
    // A page rendered before the content store is written shows its old frontmatter: only its reload brings a change of it.
    const bodyOnly = before !== undefined && before === after && !this.#storeBehind;
    if (bodyOnly) this.#bodySave = { file: path, at: this.now() };
    else this.structural();
    return bodyOnly;
  }

  /**
   * A lesson added, removed or saved with new frontmatter: every page reloads at once. The content store's reload
   * that follows is, for the pages that update in place, a check: the page fetches itself and reloads only if that
   * render differs from its own (it was rendered before the store was written), instead of reloading a second time.
   */
  structural(): void {
    this.#bodySave = undefined;
    this.#dropStoreReloadUntil = 0;
    this.#storeBehind = true;
    this.#structuralAt = this.now();
  }

  /** What to send, to the pages that update in place and to the others, for a message Astro sends to every page. */
  route(payload: HotPayload): Routed {
    const unchanged = { refreshing: payload, others: payload };
    if (payload.type !== 'full-reload') return unchanged;
    const now = this.now();
    if (payload.path === undefined && this.#bodySave && now - this.#bodySave.at < SAVE_WINDOW_MS) {
      this.#dropStoreReloadUntil = now + SAVE_WINDOW_MS;
      // Numbered when Astro has let go of the old lesson: a page rendered from now on shows the save.
      return { refreshing: this.#event({ file: this.#bodySave.file }), others: payload };
    }
    if (payload.path === '*') {
      // Never set while the store is behind: structural() clears it, and no save is body-only until the store catches up.
      if (now < this.#dropStoreReloadUntil) return { refreshing: undefined, others: payload };
      const afterStructural = this.#storeBehind && now - this.#structuralAt < SAVE_WINDOW_MS;
      this.#storeBehind = false;
      if (afterStructural) return { refreshing: this.#event({ check: true }), others: payload };
    }
    return unchanged;
  }

  /**
   * A lesson was compiled again though no file changed (a diagram it showed as its source is drawn now): the pages
   * fetch themselves and reload if their render differs, as after a check.
   */
  redrawn(): HotPayload {
    return this.#event({ check: true });
  }

  /** The next numbered update: a page rendered from now on is up to date with it. */
  #event(data: { file?: string; check?: boolean }): HotPayload {
    return { type: 'custom', event: LESSON_REFRESH_EVENT, data: { ...data, generation: this.nextGeneration() } };
  }
}

/** Puts a LessonRefresh between Astro and the pages of a dev server: every message to them goes through `route`. */
export function attachLessonRefresh(server: ViteDevServer, refresh: LessonRefresh, isLesson: (file: string) => boolean): void {
  const ws = server.ws;
  const send = ws.send.bind(ws) as (...args: unknown[]) => void;
  // The pages' sockets whose page said it updates itself in place.
  const refreshing = new WeakSet<object>();
  ws.on(LESSON_REFRESH_READY_EVENT, (_data, client) => refreshing.add(client));
  // Astro sends both reloads through this one socket server (it is also the client environment's channel).
  (ws as { send: (...args: unknown[]) => void }).send = (payload: unknown, ...rest: unknown[]) => {
    if (typeof payload !== 'object' || payload === null) return send(payload, ...rest);
    const routed = refresh.route(payload as HotPayload);
    if (routed.refreshing === routed.others) return routed.others && send(routed.others);
    for (const client of ws.clients) {
      const message = refreshing.has(client) ? routed.refreshing : routed.others;
      if (message && client.socket.readyState === client.socket.OPEN) client.send(message);
    }
  };
  // The watcher's listeners run when the file changes, before Astro's own (asynchronous) handling sends anything.
  server.watcher.on('change', (file) => {
    if (!isLesson(file)) return;
    try {
      refresh.saved(file, readFileSync(file, 'utf8'));
    } catch {
      refresh.structural();
    }
  });
  for (const event of ['add', 'unlink'] as const) server.watcher.on(event, (file) => isLesson(file) && refresh.structural());
}
