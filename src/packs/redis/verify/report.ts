/** What the verifier found in a lesson, and the lines it prints about it: per lesson, per server, in total. */
import { plural } from '../../../course/conventions';
import type { Problem } from '../../../course/problems';

export interface LessonReport {
  file: string;
  sessions: number;
  blocksRun: number;
  commands: number;
  mismatches: number;
  skipped: { line: number; reason: string }[];
  /** Blocks that could not run because of a mistake in the block itself. */
  invalid: number;
  /** Blocks left alone because no redis-server is available. */
  notRun: number;
  /** Blocks and commands per server or topology, e.g. `7.2.6` or `7.2.6 cluster`, in the order first used. */
  ranOn: { label: string; blocks: number; commands: number }[];
  problems: Problem[];
}

export function emptyReport(file: string, sessions: number): LessonReport {
  return { file, sessions, blocksRun: 0, commands: 0, mismatches: 0, skipped: [], invalid: 0, notRun: 0, ranOn: [], problems: [] };
}

/** Counts a block or a command for the server it ran on. */
export function countOn(report: LessonReport, label: string, blocks: number, commands: number): void {
  let entry = report.ranOn.find((ran) => ran.label === label);
  if (!entry) {
    entry = { label, blocks: 0, commands: 0 };
    report.ranOn.push(entry);
  }
  entry.blocks += blocks;
  entry.commands += commands;
  report.blocksRun += blocks;
  report.commands += commands;
}

/** "3 blocks ran on 7.2.6, 2 on 7.2.6 cluster (23 commands), 1 skipped (…)": one lesson's sessions in a phrase. */
export function sessionSummary(report: LessonReport): string {
  if (report.sessions === 0) return 'no redis-cli blocks';
  const parts: string[] = [];
  if (report.notRun > 0) parts.push(`${plural(report.notRun, 'block')} not run (no redis-server)`);
  else {
    const details = [plural(report.commands, 'command')];
    if (report.mismatches > 0) details.push(plural(report.mismatches, 'mismatch', 'mismatches'));
    const where = report.ranOn.map((ran, k) => (k === 0 ? `${plural(ran.blocks, 'block')} ran on ${ran.label}` : `${ran.blocks} on ${ran.label}`));
    parts.push(`${where.length > 0 ? where.join(', ') : '0 blocks ran'} (${details.join(', ')})`);
  }
  if (report.skipped.length > 0) {
    const reasons = [...new Set(report.skipped.map((skip) => skip.reason))];
    parts.push(`${report.skipped.length} skipped (${reasons.join('; ')})`);
  }
  if (report.invalid > 0) parts.push(`${report.invalid} invalid`);
  return parts.join(', ');
}

/** One line per server or topology: what ran there over every lesson. */
export function serverLines(reports: readonly LessonReport[]): string[] {
  const totals = new Map<string, { blocks: number; commands: number; lessons: number }>();
  for (const report of reports) {
    for (const ran of report.ranOn) {
      const total = totals.get(ran.label) ?? { blocks: 0, commands: 0, lessons: 0 };
      totals.set(ran.label, { blocks: total.blocks + ran.blocks, commands: total.commands + ran.commands, lessons: total.lessons + 1 });
    }
  }
  return [...totals].map(([label, total]) => `redis-cli on ${label}: ${plural(total.blocks, 'block')}, ${plural(total.commands, 'command')} in ${plural(total.lessons, 'lesson')}`);
}

/** "redis-cli: 167 of 169 blocks ran (98.8 %), 801 commands, 2 skipped, 0 mismatches" over every lesson. */
export function totalsLine(reports: readonly LessonReport[]): string {
  const sum = (pick: (report: LessonReport) => number) => reports.reduce((total, report) => total + pick(report), 0);
  const blocks = sum((report) => report.sessions);
  const notRun = sum((report) => report.notRun);
  const ran = sum((report) => report.blocksRun);
  const share = blocks === 0 ? '' : ` (${(Math.floor((ran / blocks) * 1000) / 10).toFixed(1)} %)`;
  return [
    notRun > 0 ? `redis-cli: ${plural(notRun, 'block')} not run` : `redis-cli: ${ran} of ${plural(blocks, 'block')} ran${share}, ${plural(sum((report) => report.commands), 'command')}`,
    `${sum((report) => report.skipped.length)} skipped`,
    plural(sum((report) => report.mismatches), 'mismatch', 'mismatches'),
  ].join(', ');
}
