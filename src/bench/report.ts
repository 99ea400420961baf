import type { DevFigures } from './dev-loop';
import type { Run } from './measure';
import type { PageWeight } from './page-weight';

/** One tool's figures at one course size. */
export interface BuildFigures {
  /** No caches at all. */
  cold: Run;
  /** Caches kept, output folder deleted: nothing changed, so ours writes back the site it kept (src/site-cache.ts). */
  warm: Run;
  /** The same, after one lesson's words changed: what a rebuild costs when there is something to build. */
  edited?: Run | undefined;
  /** The middle lesson's page. */
  weight: PageWeight;
}

export interface SizeFigures {
  lessons: number;
  ours: BuildFigures;
  starlight?: BuildFigures | undefined;
}

/** The dev loop on the smallest course: the first lesson with no caches and with the caches of a previous run, and an edit. */
export interface DevComparison {
  ours: { cold: DevFigures; warm: DevFigures };
  starlight?: { cold: DevFigures; warm: DevFigures } | undefined;
}

/** One goal of issue 9, with what was measured. */
export interface GoalResult {
  goal: string;
  measured: string;
  met: boolean;
}

const BUDGET = { jsKb: 5, cssKb: 15, devFirstLessonSeconds: 3, devEditMs: 300, coldRatio: 1, warmRatio: 0.5, memoryGb: 24 } as const;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 ** 3).toFixed(2)} GB`);
const s = (seconds: number) => seconds.toFixed(1);
const ratio = (ours: number, theirs: number | undefined) => (theirs ? `${(ours / theirs).toFixed(2)}×` : '–');
const count = (n: number) => n.toLocaleString('en');

/** Columns under a header: the first (what a row is) aligned left, the figures right. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** The figures as tables: builds, page weights, memory, and the dev loop. */
export function formatFigures(sizes: readonly SizeFigures[], dev: DevComparison | undefined): string[] {
  const sl = (f: SizeFigures, pick: (b: BuildFigures) => string) => (f.starlight ? pick(f.starlight) : '–');
  const lines = [
    'Build, seconds (cold: no caches, every diagram rendered; warm: caches kept, output folder deleted)',
    ...table(
      ['lessons', 'cold ours', 'Starlight', 'ratio', 'warm ours', 'Starlight', 'ratio', 'peak RSS ours', 'Starlight'],
      sizes.map((f) => [
        count(f.lessons),
        s(f.ours.cold.seconds),
        sl(f, (b) => s(b.cold.seconds)),
        ratio(f.ours.cold.seconds, f.starlight?.cold.seconds),
        s(f.ours.warm.seconds),
        sl(f, (b) => s(b.warm.seconds)),
        ratio(f.ours.warm.seconds, f.starlight?.warm.seconds),
        gb(Math.max(f.ours.cold.peakRss ?? 0, f.ours.warm.peakRss ?? 0) || undefined),
        sl(f, (b) => gb(Math.max(b.cold.peakRss ?? 0, b.warm.peakRss ?? 0) || undefined)),
      ]),
    ),
    ...(sizes.some((f) => f.ours.edited)
      ? [
          '',
          "Rebuild after one lesson's words changed, seconds (caches kept, output folder deleted)",
          ...table(
            ['lessons', 'ours', 'Starlight', 'ratio'],
            sizes.map((f) => [count(f.lessons), f.ours.edited ? s(f.ours.edited.seconds) : '–', sl(f, (b) => (b.edited ? s(b.edited.seconds) : '–')), ratio(f.ours.edited?.seconds ?? 0, f.starlight?.edited?.seconds)]),
          ),
        ]
      : []),
    '',
    'A lesson page before any interaction, gzip (the middle lesson of the course)',
    ...table(
      ['lessons', 'HTML ours', 'Starlight', 'JS ours', 'Starlight', 'CSS ours', 'Starlight'],
      sizes.map((f) => [
        count(f.lessons),
        kb(f.ours.weight.html),
        sl(f, (b) => kb(b.weight.html)),
        kb(f.ours.weight.js),
        sl(f, (b) => kb(b.weight.js)),
        kb(f.ours.weight.css),
        sl(f, (b) => kb(b.weight.css)),
      ]),
    ),
  ];
  if (dev) {
    const both = (pick: (d: { cold: DevFigures; warm: DevFigures }) => string) => [pick(dev.ours), dev.starlight ? pick(dev.starlight) : '–'];
    lines.push(
      '',
      `Dev server, ${count(sizes[0]?.lessons ?? 0)} lessons`,
      ...table(
        ['', 'ours', 'Starlight'],
        [
          ['first lesson, no caches (s)', ...both((d) => s(d.cold.firstLessonSeconds))],
          ['first lesson, caches of a previous run (s)', ...both((d) => s(d.warm.firstLessonSeconds))],
          ['saved edit visible (ms)', ...both((d) => d.warm.editMs.toFixed(0))],
        ],
      ),
    );
  }
  return lines;
}

/** Every goal of issue 9 the figures can speak to, met or not. */
export function goals(sizes: readonly SizeFigures[], dev: DevComparison | undefined): GoalResult[] {
  const compared = sizes.filter((f) => f.starlight);
  const at = compared.map((f) => count(f.lessons)).join(', ');
  const results: GoalResult[] = [];
  if (compared.length > 0) {
    const cold = compared.map((f) => f.ours.cold.seconds / f.starlight!.cold.seconds);
    const warm = compared.map((f) => f.ours.warm.seconds / f.starlight!.warm.seconds);
    const html = compared.map((f) => [f.ours.weight.html, f.starlight!.weight.html] as const);
    results.push(
      { goal: `cold build ≤ ${BUDGET.coldRatio.toFixed(1)}× Starlight's, at ${at} lessons`, measured: cold.map((r) => `${r.toFixed(2)}×`).join(' / '), met: cold.every((r) => r <= BUDGET.coldRatio) },
      { goal: `warm rebuild (nothing changed) ≤ ${BUDGET.warmRatio}× Starlight's, at ${at} lessons`, measured: warm.map((r) => `${r.toFixed(2)}×`).join(' / '), met: warm.every((r) => r <= BUDGET.warmRatio) },
      { goal: `lesson HTML gzip ≤ Starlight's, at ${at} lessons`, measured: html.map(([o, t]) => `${kb(o)} vs ${kb(t)}`).join(' / '), met: html.every(([o, t]) => o <= t) },
    );
  }
  results.push(
    { goal: `JS before interaction ≤ ${BUDGET.jsKb} KB gzip`, measured: sizes.map((f) => kb(f.ours.weight.js)).join(' / '), met: sizes.every((f) => f.ours.weight.js <= BUDGET.jsKb * 1024) },
    { goal: `CSS ≤ ${BUDGET.cssKb} KB gzip`, measured: sizes.map((f) => kb(f.ours.weight.css)).join(' / '), met: sizes.every((f) => f.ours.weight.css <= BUDGET.cssKb * 1024) },
  );
  if (dev) {
    const { cold, warm } = dev.ours;
    results.push(
      {
        goal: `npm run dev: first lesson ≤ ${BUDGET.devFirstLessonSeconds} s after start`,
        measured: `${s(warm.firstLessonSeconds)} s with a previous run's caches, ${s(cold.firstLessonSeconds)} s with none`,
        met: warm.firstLessonSeconds <= BUDGET.devFirstLessonSeconds && cold.firstLessonSeconds <= BUDGET.devFirstLessonSeconds,
      },
      { goal: `npm run dev: saved lesson edit visible ≤ ${BUDGET.devEditMs} ms`, measured: `${warm.editMs.toFixed(0)} ms`, met: warm.editMs <= BUDGET.devEditMs },
    );
  }
  const large = sizes.filter((f) => f.lessons >= 1000);
  if (large.length > 0) {
    const peak = Math.max(...large.flatMap((f) => [f.ours.cold.peakRss ?? 0, f.ours.warm.peakRss ?? 0]));
    results.push({ goal: `${count(large[0]!.lessons)} lessons build within ${BUDGET.memoryGb} GB`, measured: `peak ${gb(peak || undefined)}`, met: peak < BUDGET.memoryGb * 1024 ** 3 });
  }
  return results;
}

/** `met      goal: measured` lines. */
export const formatGoals = (results: readonly GoalResult[]): string[] => results.map((r) => `  ${r.met ? 'met    ' : 'not met'}  ${r.goal}: ${r.measured}`);

/**
 * The goals judged over consecutive runs of the whole benchmark (issue 9 is done when every goal is met in two in a
 * row): met only if met in every run; what was measured is each run's, in order.
 */
export function acrossRuns(runs: readonly (readonly GoalResult[])[]): GoalResult[] {
  const [first = []] = runs;
  return first.map(({ goal }) => {
    const each = runs.map((results) => results.find((r) => r.goal === goal));
    const met = each.filter((r) => r?.met).length;
    return { goal, measured: `met in ${met} of ${runs.length} runs (${each.map((r) => r?.measured ?? 'not measured').join('; then ')})`, met: met === runs.length };
  });
}
