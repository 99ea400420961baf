/**
 * What a page loads the first time Redis in the browser is used (src/client/redis.ts forwards the event): the Run
 * buttons' runner and the console, as one chunk. The console and its engine start on the console's own first event.
 */
import { type ConsoleController, startConsole } from './console';
import { press } from './run-button';

let console: ConsoleController | undefined;

/** A click on a `data-redis-use` button, a focus inside the console, or an Enter typed there while this loaded. */
export function handle(type: string, target: HTMLElement): void {
  const button = target.closest<HTMLButtonElement>('[data-redis-use="run"]');
  if (button) {
    press(button);
    return;
  }
  const root = target.closest<HTMLElement>('[data-redis-console]');
  if (root) (console ??= startConsole(root)).handle(type, target);
}
