/**
 * The "Run in browser" button of a redis-cli block (loaded on the first press, by src/client/redis.ts):
 * runs the block, after the blocks it continues, on a fresh in-browser Redis, and shows every reply under its block
 * with how it stands next to the lesson. While a block runs its button reads "Stop": pressing it restarts the engine.
 */
import { startBrowserEngine } from './browser-engine';
import { el } from './dom';
import { WorkerEngineError, type WorkerEngine } from './engine/worker-host';
import { RUN_DATA, runMeta } from './run-attributes';
import { clipLines, runSummary, stepView } from './run-report';
import { ENGINE_REDIS_VERSION } from './runnable';
import { bytesClient, planBlocks, runBlocks, type SessionTarget, type StepRun } from './session-run';

const LABEL = 'Run in browser';
const CLIP = { maxLines: 500, maxChars: 2000 };

let engine: WorkerEngine | undefined;
/** What each open client of a running block does with what the server pushes it. */
const pushed = new Map<string, (bytes: Uint8Array) => void>();
/** True until a block has run: the engine's first server is already empty. */
let fresh = true;
let queue: Promise<void> = Promise.resolve();
let running: HTMLButtonElement | undefined;

/** Runs the button's block, or stops it when it is the one running; presses on other blocks wait their turn. */
export function press(button: HTMLButtonElement): void {
  if (running === button) {
    engine?.stop();
    return;
  }
  queue = queue.then(() => run(button));
}

/** The block's figure and the figures of the blocks it continues, first to last. */
function chainOf(figure: HTMLElement): HTMLElement[] {
  const chain = [figure];
  for (let after = figure.dataset[RUN_DATA.after]; after !== undefined; ) {
    const previous = document.querySelector<HTMLElement>(`figure[data-run="${CSS.escape(after)}"]`);
    if (!previous) break;
    chain.unshift(previous);
    after = previous.dataset[RUN_DATA.after];
  }
  return chain;
}

/** The block as plan.ts reads a fence: its text, its client and its vary. */
function fenceOf(figure: HTMLElement) {
  return { line: 0, meta: runMeta(figure.dataset), value: figure.querySelector('code')?.textContent ?? '' };
}

async function run(button: HTMLButtonElement): Promise<void> {
  const figure = button.closest<HTMLElement>('figure');
  if (!figure) return;
  const chain = chainOf(figure);
  const panels = chain.map((block) => new ResultPanel(block));
  running = button;
  button.textContent = 'Stop';
  button.setAttribute('aria-describedby', panels.at(-1)!.status.id);
  panels.at(-1)!.say('Starting Redis in your browser…');
  try {
    engine ??= startBrowserEngine({ onPush: (client, push) => pushed.get(client)?.(push) });
    if (fresh) await engine.ready();
    else await engine.reset();
    fresh = false;
    let opened = 0;
    const target: SessionTarget = {
      open: async () => {
        const name = `block-${opened++}`;
        return bytesClient({
          send: (args) => engine!.send(name, [...args]),
          onPush: (listener) => pushed.set(name, listener),
          close: () => {
            pushed.delete(name);
            engine!.closeClient(name);
          },
        });
      },
    };
    const results = await runBlocks(planBlocks(chain.map(fenceOf)), target, (index, step, at) => panels[index]!.add(step, at));
    results.forEach((steps, index) => panels[index]!.finish(steps, index === chain.length - 1 ? chain.length - 1 : 0));
  } catch (error) {
    const stopped = error instanceof WorkerEngineError && error.kind === 'stopped';
    panels.at(-1)!.say(stopped ? 'Stopped before the first reply.' : `Redis could not run in this browser: ${error instanceof Error ? error.message : String(error)}.`);
  } finally {
    running = undefined;
    button.textContent = LABEL;
  }
}

let panelCount = 0;

/** The replies under one block: a status sentence for screen readers, then each command with its reply. */
class ResultPanel {
  readonly status: HTMLElement;
  private readonly steps: HTMLOListElement;

  constructor(figure: HTMLElement) {
    const existing = figure.nextElementSibling;
    const root = existing?.classList.contains('run-result') ? (existing as HTMLElement) : document.createElement('div');
    root.className = 'run-result';
    root.replaceChildren();
    this.status = el('p', 'run-result__status');
    this.status.id = `run-result-${++panelCount}`;
    this.status.setAttribute('role', 'status');
    this.steps = el('ol', 'run-result__steps');
    root.append(this.status, this.steps);
    if (root !== existing) figure.after(root);
  }

  say(text: string): void {
    this.status.textContent = text;
  }

  /** Shows step `at` of the block in its place, though a step that waited for other clients is judged after them. */
  add(run: StepRun, at: number): void {
    const view = stepView(run);
    const item = el('li', `run-step run-step--${view.kind}`);
    const io = el('pre', 'run-step__io');
    io.append(el('span', 'run-step__prompt', run.step.prompt), ` ${clipLines([run.step.command], CLIP)[0] ?? ''}`);
    const reply = clipLines(run.actual, CLIP);
    if (reply.length > 0) io.append(`\n${reply.join('\n')}`);
    item.append(io);
    if (view.badge) {
      const note = el('p', 'run-step__note');
      note.append(el('span', `run-badge run-badge--${view.kind}`, view.badge));
      if (view.note) note.append(` ${view.note}`);
      item.append(note);
    }
    if (view.detail.length > 0) item.append(el('pre', 'run-step__detail', clipLines(view.detail, CLIP).join('\n')));
    item.dataset['step'] = String(at);
    const later = [...this.steps.children].find((other) => Number((other as HTMLElement).dataset['step']) > at);
    this.steps.insertBefore(item, later ?? null);
  }

  finish(runs: readonly StepRun[], continued: number): void {
    this.say(runSummary(runs, ENGINE_REDIS_VERSION, continued));
  }
}
