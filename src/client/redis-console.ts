/**
 * The Redis console's first touch: focusing it, or pressing one of its buttons, loads the console and its engine;
 * nothing before. Lines typed, pasted or sent before the code arrives are run once it has.
 */
import type { ConsoleController } from '../packs/redis/console';

/** Characters from which a pasted line runs at once instead of going into the box. */
const LONG_PASTE = 64 * 1024;

export function enhanceRedisConsole(root: HTMLElement): void {
  let loaded: Promise<ConsoleController> | undefined;
  const load = () => (loaded ??= import('../packs/redis/console').then((m) => m.startConsole(root)));
  root.addEventListener('focusin', () => void load());
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void load().then((redis) => redis.submit(form));
  });
  root.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const form = (event.target as HTMLElement).closest('form');
    // A line goes into the box as usual; several run one after another, as redis-cli runs a pasted script, and so does
    // one too long for a text box to lay out without freezing the page (a 10 MB value).
    if (!form || (!/[\r\n]/.test(text) && text.length < LONG_PASTE)) return;
    event.preventDefault();
    void load().then((redis) => redis.paste(form, text));
  });
  root.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-console-action]')?.dataset.consoleAction;
    if (action) void load().then((redis) => redis.act(action));
  });
}
