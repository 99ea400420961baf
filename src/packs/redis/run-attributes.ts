/** What a runnable redis-cli block's figure tells the Run button (run-button.ts): its place, the block it continues, its client and vary. */
import { parseCodeMeta } from '../../markdown/code-meta';
import { browserRuns, type BrowserFence } from './runnable';

/** `data-run` (the block's index among the lesson's redis-cli blocks), `data-run-after`, `data-run-client`, `data-run-vary`. */
export const RUN_DATA = { run: 'run', after: 'runAfter', client: 'runClient', vary: 'runVary' } as const;

/** The fence attributes the plan of a block reads (plan.ts), kept on its figure. */
const PLANNED = { client: RUN_DATA.client, vary: RUN_DATA.vary } as const;

export function runAttributes(fences: readonly BrowserFence[], frontmatter: Readonly<Record<string, unknown>>): (Record<string, string> | undefined)[] {
  return browserRuns(fences, frontmatter).map((run, k) => {
    if (!run.runnable) return undefined;
    const { attributes } = parseCodeMeta(fences[k]?.meta);
    const planned = Object.entries(PLANNED).flatMap(([name, key]) => {
      const value = attributes.get(name);
      return typeof value === 'string' ? [[key, value]] : [];
    });
    return {
      [RUN_DATA.run]: String(k),
      ...(run.after !== undefined ? { [RUN_DATA.after]: String(run.after) } : {}),
      ...Object.fromEntries(planned),
    };
  });
}

/** The meta string of a figure's fence, as much of it as the plan reads: `client="1" vary="…"`. */
export function runMeta(data: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(PLANNED)
    .flatMap(([name, key]) => {
      const value = data[key];
      if (value === undefined) return [];
      // Written back in the quotes the lesson could have used: a value with a double quote came in single ones.
      return [value.includes('"') ? `${name}='${value}'` : `${name}="${value}"`];
    })
    .join(' ');
}
