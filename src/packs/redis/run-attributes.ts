/** What a runnable redis-cli block's figure tells the Run button (run-button.ts): its place, the block it continues, its vary. */
import { parseCodeMeta } from '../../markdown/code-meta';
import { browserRuns, type BrowserFence } from './runnable';

/** `data-run` (the block's index among the lesson's redis-cli blocks), `data-run-after`, `data-run-vary`. */
export const RUN_DATA = { run: 'run', after: 'runAfter', vary: 'runVary' } as const;

export function runAttributes(fences: readonly BrowserFence[], frontmatter: Readonly<Record<string, unknown>>): (Record<string, string> | undefined)[] {
  return browserRuns(fences, frontmatter).map((run, k) => {
    if (!run.runnable) return undefined;
    const vary = parseCodeMeta(fences[k]?.meta).attributes.get('vary');
    return {
      [RUN_DATA.run]: String(k),
      ...(run.after !== undefined ? { [RUN_DATA.after]: String(run.after) } : {}),
      ...(typeof vary === 'string' ? { [RUN_DATA.vary]: vary } : {}),
    };
  });
}
