import { describe, expect, it } from 'vitest';
import { countOn, emptyReport, serverLines, sessionSummary, totalsLine, type LessonReport } from '../../../../src/packs/redis/verify/report';

const lesson = (file: string, ran: [label: string, blocks: number, commands: number][], changes: Partial<LessonReport> = {}): LessonReport => {
  const report = emptyReport(file, ran.reduce((n, [, blocks]) => n + blocks, 0) + (changes.skipped?.length ?? 0));
  for (const [label, blocks, commands] of ran) countOn(report, label, blocks, commands);
  return { ...report, ...changes };
};

describe('what the verifier prints', () => {
  it.each([
    ['one server', lesson('a.mdx', [['7.2.6', 3, 12]]), '3 blocks ran on 7.2.6 (12 commands)'],
    ['several, in the order used', lesson('a.mdx', [['7.2.6', 3, 12], ['7.2.6 cluster', 1, 4]]), '3 blocks ran on 7.2.6, 1 on 7.2.6 cluster (16 commands)'],
    ['mismatches and skips', lesson('a.mdx', [['7.2.6', 1, 2]], { mismatches: 1, skipped: [{ line: 9, reason: 'needs Redis 8.0' }] }), '1 block ran on 7.2.6 (2 commands, 1 mismatch), 1 skipped (needs Redis 8.0)'],
    ['no server', { ...emptyReport('a.mdx', 2), notRun: 2 }, '2 blocks not run (no redis-server)'],
    ['no blocks', emptyReport('a.mdx', 0), 'no redis-cli blocks'],
  ])('sums up a lesson on %s', (_name, report, line) => {
    expect(sessionSummary(report)).toBe(line);
  });

  it('adds up each server over every lesson, then the course', () => {
    const reports = [lesson('a.mdx', [['7.2.6', 3, 12], ['7.2.6 sentinel', 2, 5]]), lesson('b.mdx', [['7.2.6', 4, 10]], { skipped: [{ line: 3, reason: 'x' }], mismatches: 2 })];
    expect([...serverLines(reports), totalsLine(reports)]).toEqual([
      'redis-cli on 7.2.6: 7 blocks, 22 commands in 2 lessons',
      'redis-cli on 7.2.6 sentinel: 2 blocks, 5 commands in 1 lesson',
      'redis-cli: 9 of 10 blocks ran (90.0 %), 27 commands, 1 skipped, 2 mismatches',
    ]);
  });
});
