import { expect, test } from 'vitest';
import { acrossRuns, formatFigures, formatGoals, goals, table, type BuildFigures, type SizeFigures } from '../../../src/bench/report';

const KB = 1024;
const GB = 1024 ** 3;
const tool = (cold: number, warm: number, html = 11 * KB, js = 3 * KB, css = 14 * KB, peak = 2 * GB): BuildFigures => ({
  cold: { seconds: cold, peakRss: peak },
  warm: { seconds: warm, peakRss: peak },
  weight: { html, js, css, requests: 5 },
});
const size = (lessons: number, ours: BuildFigures, starlight?: BuildFigures): SizeFigures => ({ lessons, ours, starlight });
const dev = (firstLessonSeconds: number, editMs: number) => ({ ours: { cold: { firstLessonSeconds: firstLessonSeconds + 1, editMs }, warm: { firstLessonSeconds, editMs } } });

test.each([
  ['every goal met', [size(42, tool(7, 3), tool(8, 7)), size(1000, tool(50, 20), tool(60, 55))], dev(1.5, 200), []],
  ['a cold build slower than Starlight at one size', [size(42, tool(7, 3), tool(8, 7)), size(1000, tool(70, 20), tool(60, 55))], dev(1.5, 200), ['cold build ≤ 1.0× Starlight\'s, at 42, 1,000 lessons']],
  ['a warm build above half of Starlight', [size(42, tool(7, 5), tool(8, 7))], undefined, ["warm rebuild (nothing changed) ≤ 0.5× Starlight's, at 42 lessons"]],
  ['heavier HTML and JS than allowed', [size(42, tool(7, 3, 12 * KB, 6 * KB), tool(8, 7, 11 * KB))], undefined, ["lesson HTML gzip ≤ Starlight's, at 42 lessons", 'JS before interaction ≤ 5 KB gzip']],
  ['a slow dev loop', [size(42, tool(7, 3), tool(8, 7))], dev(2.5, 400), ['npm run dev: first lesson ≤ 3 s after start', 'npm run dev: saved lesson edit visible ≤ 300 ms']],
])('reports goals not met: %s', (_, sizes, devFigures, unmet) => {
  expect(goals(sizes, devFigures).filter((g) => !g.met).map((g) => g.goal)).toEqual(unmet);
});

test('without Starlight, only the budgets of our own site are judged', () => {
  expect(goals([size(42, tool(7, 3))], undefined).map((g) => g.goal)).toEqual(['JS before interaction ≤ 5 KB gzip', 'CSS ≤ 15 KB gzip']);
});

test('prints each goal with what was measured', () => {
  expect(formatGoals(goals([size(500, tool(20, 5), tool(25, 24))], undefined).slice(0, 2))).toEqual([
    "  met      cold build ≤ 1.0× Starlight's, at 500 lessons: 0.80×",
    "  met      warm rebuild (nothing changed) ≤ 0.5× Starlight's, at 500 lessons: 0.21×",
  ]);
});

test('aligns what a row is to the left and the figures to the right', () => {
  expect(table(['lessons', 'cold'], [['42', '7.1'], ['1,000', '63.0']])).toEqual(['lessons  cold', '42        7.1', '1,000    63.0']);
});

test('over consecutive runs, a goal is met only if every run met it, and each run says what it measured', () => {
  const fast = goals([size(500, tool(20, 5), tool(25, 24))], undefined);
  const slow = goals([size(500, tool(30, 5), tool(25, 24))], undefined);
  expect(formatGoals(acrossRuns([fast, slow]).slice(0, 2))).toEqual([
    "  not met  cold build ≤ 1.0× Starlight's, at 500 lessons: met in 1 of 2 runs (0.80×; then 1.20×)",
    "  met      warm rebuild (nothing changed) ≤ 0.5× Starlight's, at 500 lessons: met in 2 of 2 runs (0.21×; then 0.21×)",
  ]);
});

test("prints the rebuild after one lesson's edit beside Starlight's, when it was measured", () => {
  const edited = (seconds: number) => ({ seconds, peakRss: GB });
  const lines = formatFigures([size(42, { ...tool(7, 1), edited: edited(4) }, { ...tool(8, 5), edited: edited(5) })], undefined);
  const at = lines.indexOf("Rebuild after one lesson's words changed, seconds (caches kept, output folder deleted)");
  expect(lines.slice(at + 1, at + 3)).toEqual(['lessons  ours  Starlight  ratio', '42        4.0        5.0  0.80×']);
  expect(formatFigures([size(42, tool(7, 1), tool(8, 5))], undefined).some((line) => line.startsWith('Rebuild after'))).toBe(false);
});
