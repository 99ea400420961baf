/** How a block's replies read under it (run-button.ts) and how long output is cut (also the console's): pure text. */
import { plural } from '../../course/conventions';
import type { StepRun } from './session-run';

export type StepKind = StepRun['outcome']['kind'];

export interface StepView {
  kind: StepKind;
  /** A short tag next to the reply: "differs from the lesson", a label of verdict.ts; none when it matches. */
  badge: string | undefined;
  /** A sentence under the reply. */
  note: string | undefined;
  /** Lines to show under the note (the lesson's reply next to Redis's). */
  detail: string[];
}

export function stepView(run: StepRun): StepView {
  const view = (badge?: string, note?: string, detail: string[] = []): StepView => ({ kind: run.outcome.kind, badge, note, detail });
  const outcome = run.outcome;
  switch (outcome.kind) {
    case 'same':
      return view();
    case 'varies':
      return view(outcome.label);
    case 'platform':
      return view(outcome.label, outcome.why, ['The lesson shows:', ...run.step.expected]);
    case 'differs':
      return view('differs from the lesson', `${outcome.reason[0]?.toUpperCase() ?? ''}${outcome.reason.slice(1)}.`, outcome.diff);
    case 'not-run':
      return view('not sent', `${outcome.why[0]?.toUpperCase() ?? ''}${outcome.why.slice(1)}.`);
    case 'no-reply':
      return view('no reply', `No reply: ${outcome.why}.`);
  }
}

/** One sentence over a block's replies, e.g. "4 commands ran on Redis 7.2.6 in your browser: every reply matches the lesson." */
export function runSummary(runs: readonly StepRun[], version: string, continued: number): string {
  const count = (kind: StepKind) => runs.filter((run) => run.outcome.kind === kind).length;
  const sent = runs.length - count('not-run');
  const first = continued > 0 ? `After the ${plural(continued, 'block')} it continues, ` : '';
  const ran = `${first}${plural(sent, 'command')} ran on Redis ${version} in your browser`;
  const stopped = runs.find((run) => run.outcome.kind === 'no-reply');
  if (stopped?.outcome.kind === 'no-reply') return `${ran}, then it stopped: ${stopped.outcome.why}.`;
  const matching = count('same') + count('varies');
  const labelled = [...new Set(runs.flatMap((run) => (run.outcome.kind === 'platform' ? [run.outcome.label] : [])))];
  const parts = [
    matching === runs.length ? 'every reply matches the lesson' : `${matching} match the lesson`,
    ...labelled.map((label) => `${runs.filter((run) => run.outcome.kind === 'platform' && run.outcome.label === label).length} labelled “${label}”`),
    ...(count('differs') > 0 ? [`${count('differs')} ${count('differs') === 1 ? 'differs' : 'differ'} from the lesson`] : []),
    ...(count('not-run') > 0 ? [`${count('not-run')} not sent`] : []),
  ];
  return `${ran}: ${parts.join(', ')}.`;
}

export interface Clip {
  maxLines: number;
  maxChars: number;
}

/** Lines cut to what a page can show: long lines end in "… (N more characters)", and a long reply in "… (N more lines)". */
export function clipLines(lines: readonly string[], { maxLines, maxChars }: Clip): string[] {
  const clipLine = (line: string) => (line.length <= maxChars ? line : `${line.slice(0, maxChars)}… (${(line.length - maxChars).toLocaleString('en')} more characters)`);
  const shown = lines.slice(0, maxLines).map(clipLine);
  if (lines.length > maxLines) shown.push(`… (${(lines.length - maxLines).toLocaleString('en')} more lines)`);
  return shown;
}
