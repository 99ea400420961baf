/**
 * The Redis console on the page (RedisConsole.astro; loaded on first use through src/client/redis.ts): two
 * clients of one in-browser Redis, each with its command line and its log. Replies print as redis-cli prints them;
 * keys live as long as the page. Stop ends a blocking command, or restarts Redis when a script will not end.
 */
import { startBrowserEngine } from './browser-engine';
import { el } from './dom';
import type { WorkerEngine } from './engine/worker-host';
import { CommandHistory, FRESH_PROMPT, INVALID_ARGUMENTS, nextPrompt, promptText, readLine, replyLines, repliesIn, subscriptionsAfter, type PromptState } from './console-model';
import { clipLines } from './run-report';

export interface ConsoleController {
  /**
   * An event the page's starter (src/client/redis.ts) forwards: a `click` on a toolbar button (reset, stop, second),
   * or a `keydown` of Enter in a command box that came while the console was loading.
   */
  handle(type: string, target: HTMLElement): void;
}

const CLIP = { maxLines: 1000, maxChars: 2000 };
/** Entries a log keeps; older ones are dropped so that 10,000 pasted commands do not weigh the page down. */
const MAX_ENTRIES = 1000;
/** Characters from which a pasted line runs at once instead of going into the box. */
const LONG_PASTE = 64 * 1024;
/** How long Stop waits for a blocked command to end before it takes Redis to be stuck in a script and restarts it. */
const STOP_GRACE_MS = 300;

export function startConsole(root: HTMLElement): ConsoleController {
  const terminals = [...root.querySelectorAll<HTMLElement>('[data-console-client]')].map((pane) => new Terminal(pane, () => engine));
  const byName = new Map(terminals.map((terminal) => [terminal.name, terminal]));
  const stop = root.querySelector<HTMLButtonElement>('[data-redis-use="stop"]');
  const second = root.querySelector<HTMLButtonElement>('[data-redis-use="second"]');
  const busy = () => terminals.some((terminal) => terminal.pending > 0);
  const refresh = () => {
    if (stop) stop.disabled = !busy();
  };
  for (const terminal of terminals) terminal.onChange = refresh;

  const engine: WorkerEngine = startBrowserEngine({
    onPush: (client, push) => byName.get(client)?.pushed(push),
    onClientClosed: (client) => byName.get(client)?.closedByServer(),
    onRestart: (why, detail) => {
      const text = {
        reset: 'Redis was reset: a new, empty server.',
        stopped: 'Redis was stopped and restarted: every key is gone.',
        crashed: `Redis stopped (${detail}) and was restarted: every key is gone.`,
      }[why];
      for (const terminal of terminals) terminal.restarted(text);
    },
  });
  // Focusing the console is the first use: start loading Redis now, so the first command answers sooner.
  void engine.ready().catch((error: unknown) => terminals[0]?.note(`Redis could not start in this browser: ${message(error)}.`, 'error'));

  const act = (action: string | undefined) => {
    if (action === 'reset') void engine.reset();
    else if (action === 'stop') void stopAll(terminals, engine);
    else if (action === 'second' && second) {
      const pane = terminals[1]?.pane;
      if (!pane) return;
      pane.hidden = !pane.hidden;
      second.setAttribute('aria-expanded', String(!pane.hidden));
      if (!pane.hidden) terminals[1]?.input.focus();
    }
  };
  return {
    handle: (type, target) => {
      if (type === 'click') act(target.closest<HTMLElement>('[data-redis-use]')?.dataset.redisUse);
      // An Enter pressed before the console had started: the line it ends is still in its box.
      else if (type === 'keydown') terminals.find((terminal) => terminal.input === target)?.enter();
    },
  };
}

/** Ends every client's blocking command; if what was waiting does not end (a script that will not stop), restarts Redis. */
async function stopAll(terminals: readonly Terminal[], engine: WorkerEngine): Promise<void> {
  const waiting = terminals.flatMap((terminal) => [...terminal.inflight]);
  if (waiting.length === 0) return;
  for (const terminal of terminals) if (terminal.pending > 0) engine.cancel(terminal.name);
  const ended = Promise.all(waiting).then(() => true);
  const grace = new Promise<false>((resolve) => setTimeout(() => resolve(false), STOP_GRACE_MS));
  if (!(await Promise.race([ended, grace]))) engine.stop();
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One client: its command line, prompt, history and log. */
class Terminal {
  readonly name: string;
  readonly input: HTMLInputElement;
  /** Commands sent and not answered yet, in order. */
  readonly inflight = new Set<Promise<void>>();
  onChange: () => void = () => {};
  private readonly log: Log;
  private readonly prompt: HTMLElement | null;
  private readonly history = new CommandHistory();
  private state: PromptState = FRESH_PROMPT;
  private subscriptions = 0;
  /** Set while the console itself closes this client's connection (Ctrl-C out of a subscription). */
  private closing = false;

  constructor(
    readonly pane: HTMLElement,
    private readonly engine: () => WorkerEngine,
  ) {
    this.name = `console-${pane.dataset.consoleClient ?? '1'}`;
    this.input = pane.querySelector('input')!;
    this.prompt = pane.querySelector('[data-console-prompt]');
    this.log = new Log(pane.querySelector<HTMLElement>('[role="log"]')!, pane.querySelector<HTMLElement>('[data-console-trimmed]'));
    this.input.addEventListener('keydown', (event) => this.key(event));
    this.input.addEventListener('paste', (event) => this.paste(event));
  }

  /** Runs the line in the box, as Enter does. */
  enter(): void {
    this.submitLine();
  }

  private submitLine(): void {
    const line = this.input.value;
    this.input.value = '';
    void this.run(line);
  }

  /** A line goes into the box as usual; several run one after another, as redis-cli runs a pasted script, and so does
   * one too long for a text box to lay out without freezing the page (a 10 MB value). */
  private paste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!/[\r\n]/.test(text) && text.length < LONG_PASTE) return;
    event.preventDefault();
    const lines = `${this.input.value}${text}`.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    this.input.value = '';
    this.log.busy(true);
    const runs = lines.map((line) => this.run(line));
    void Promise.allSettled(runs).then(() => {
      this.log.busy(false);
      if (lines.length > 1) this.note(`${lines.length.toLocaleString('en')} pasted lines ran.`);
    });
  }

  private key(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      this.submitLine();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      this.input.value = event.key === 'ArrowUp' ? this.history.up(this.input.value) : this.history.down(this.input.value);
      this.input.setSelectionRange(this.input.value.length, this.input.value.length);
    } else if (event.key === 'c' && event.ctrlKey && this.input.selectionStart === this.input.selectionEnd) {
      // Ctrl-C with nothing selected interrupts, as in redis-cli.
      event.preventDefault();
      this.interrupt();
    }
  }

  private interrupt(): void {
    if (this.pending > 0) {
      this.engine().cancel(this.name);
    } else if (this.subscriptions > 0) {
      this.closing = true;
      this.engine().closeClient(this.name);
      this.forget();
      this.note('Stopped reading messages: the connection was closed, the next command opens a new one.');
    }
  }

  /** Echoes the line and prints its reply when it comes; resolves when it is answered. */
  private run(line: string): Promise<void> {
    this.history.add(line);
    const input = readLine(line);
    if (input.kind === 'clear') {
      this.log.clear();
      return Promise.resolve();
    }
    const entry = this.log.entry(promptText(this.state), clipLines([line], CLIP)[0] ?? '');
    switch (input.kind) {
      case 'empty':
        return Promise.resolve();
      case 'invalid':
        entry.reply([INVALID_ARGUMENTS]);
        entry.hint(input.hint);
        return Promise.resolve();
      case 'local':
        entry.reply(input.lines);
        return Promise.resolve();
    }
    const { args, words } = input;
    const answered: Promise<void> = this.engine()
      .send(this.name, args)
      .then(
        (bytes) => {
          const replies = repliesIn(bytes);
          this.state = nextPrompt(this.state, words, replies[0]);
          this.subscriptions = subscriptionsAfter(this.subscriptions, replies);
          entry.reply(clipLines(replyLines(words, replies), CLIP), replies.length === 1 && replies[0]?.kind === 'error');
        },
        (error: unknown) => entry.hint(`No reply: ${message(error)}.`),
      )
      .finally(() => {
        this.inflight.delete(answered);
        this.showPrompt();
        this.onChange();
      });
    this.inflight.add(answered);
    this.onChange();
    return answered;
  }

  get pending(): number {
    return this.inflight.size;
  }

  /** A pub/sub message or another push for this client. */
  pushed(bytes: Uint8Array): void {
    const lines = repliesIn(bytes).flatMap((reply) => replyLines([], [reply]));
    this.log.entry(undefined, undefined).reply(clipLines(lines, CLIP));
  }

  closedByServer(): void {
    if (this.closing) {
      this.closing = false;
      return;
    }
    this.forget();
    this.note('The server closed this connection; the next command opens a new one.');
  }

  restarted(text: string): void {
    this.closing = false;
    this.forget();
    this.note(text);
  }

  note(text: string, kind: 'note' | 'error' = 'note'): void {
    this.log.note(text, kind);
  }

  /** A new connection starts in database 0, outside MULTI, with no subscription. */
  private forget(): void {
    this.state = FRESH_PROMPT;
    this.subscriptions = 0;
    this.showPrompt();
  }

  private showPrompt(): void {
    if (this.prompt) this.prompt.textContent = promptText(this.state);
  }
}

/** One client's log: entries of a command and its reply, notes, scrolled to the end once per frame. */
class Log {
  private dropped = 0;
  private scrollQueued = false;

  constructor(
    private readonly element: HTMLElement,
    private readonly trimmed: HTMLElement | null,
  ) {}

  entry(prompt: string | undefined, command: string | undefined): Entry {
    const item = el('div', 'console-entry');
    if (prompt !== undefined) {
      const line = el('div', 'console-entry__command');
      line.append(el('span', 'console-entry__prompt', prompt), ` ${command ?? ''}`);
      item.append(line);
    }
    this.add(item);
    return new Entry(item, () => this.scroll());
  }

  note(text: string, kind: 'note' | 'error'): void {
    this.add(el('p', `console-note console-note--${kind}`, text));
  }

  clear(): void {
    this.element.replaceChildren();
  }

  /** Screen readers wait while a paste runs, instead of reading thousands of replies. */
  busy(on: boolean): void {
    if (on) this.element.setAttribute('aria-busy', 'true');
    else this.element.removeAttribute('aria-busy');
  }

  private add(node: HTMLElement): void {
    this.element.append(node);
    while (this.element.childElementCount > MAX_ENTRIES) {
      this.element.firstElementChild?.remove();
      this.dropped++;
    }
    if (this.trimmed && this.dropped > 0) {
      this.trimmed.hidden = false;
      this.trimmed.textContent = `${this.dropped.toLocaleString('en')} earlier entries were removed: the log keeps the last ${MAX_ENTRIES.toLocaleString('en')}.`;
    }
    this.scroll();
  }

  private scroll(): void {
    if (this.scrollQueued) return;
    this.scrollQueued = true;
    requestAnimationFrame(() => {
      this.scrollQueued = false;
      this.element.scrollTop = this.element.scrollHeight;
    });
  }
}

class Entry {
  constructor(
    private readonly item: HTMLElement,
    private readonly scrolled: () => void,
  ) {}

  reply(lines: readonly string[], error = false): void {
    if (lines.length === 0) return;
    this.item.append(el('pre', `console-entry__reply${error ? ' console-entry__reply--error' : ''}`, lines.join('\n')));
    this.scrolled();
  }

  hint(text: string): void {
    this.item.append(el('p', 'console-note', text));
    this.scrolled();
  }
}
