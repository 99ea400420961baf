import { expect, test } from 'vitest';
import { buildCourse, type OutlineSource } from '../../../src/course/outline';
import { loadCourseConfig } from '../../../src/course/read';
import { FULL_SIDEBAR_LIMIT, PHASE_WINDOW, sidebarFor } from '../../../src/course/sidebar';

const course = (count: number) =>
  buildCourse(
    Array.from({ length: count }, (_, i): OutlineSource => ({
      filePath: `l${i}.mdx`,
      slug: `l${i}`,
      data: { title: `L${i}`, description: 'd', phase: (i % 6) + 1, order: Math.floor(i / 6) + 1, duration: 10, draft: false },
    })),
    // The real course's six phases.
    loadCourseConfig('lessons'),
  );

test('a course of normal size lists every lesson and opens the current phase', () => {
  const sidebar = sidebarFor(course(42), 'core-data-structures/l1/');
  expect(sidebar.map((p) => p.lessons.length)).toEqual([7, 7, 7, 7, 7, 7]);
  expect(sidebar.map((p) => p.open)).toEqual([false, true, false, false, false, false]);
});

test('a very large course lists a window of the current phase around the current lesson and links the others', () => {
  const big = course(1000);
  expect(big.lessons.length).toBeGreaterThan(FULL_SIDEBAR_LIMIT);
  const current = big.phases[1]!.lessons[100]!;
  const sidebar = sidebarFor(big, current.path);
  expect(sidebar.map((p) => p.lessons.length)).toEqual([0, PHASE_WINDOW, 0, 0, 0, 0]);
  expect(sidebar[1]!.lessons).toContain(current);
  expect(sidebar[1]!.hidden).toBe(167 - PHASE_WINDOW);
});

test('the window stays inside the phase at its first and last lessons', () => {
  const big = course(1000);
  const lessons = big.phases[0]!.lessons;
  expect(sidebarFor(big, lessons[0]!.path)[0]!.lessons[0]).toBe(lessons[0]);
  expect(sidebarFor(big, lessons.at(-1)!.path)[0]!.lessons.at(-1)).toBe(lessons.at(-1));
});
