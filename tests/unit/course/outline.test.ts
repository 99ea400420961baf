import { describe, expect, test } from 'vitest';
import { formatMinutes } from '../../../src/course/conventions';
import { buildCourse as build, CourseError, type OutlineSource } from '../../../src/course/outline';
import { FIXTURE_CONFIG } from '../../support/course';

const buildCourse = (sources: OutlineSource[]) => build(sources, FIXTURE_CONFIG);

const source = (filePath: string, phase: number, order: number, duration = 10): OutlineSource => ({
  filePath,
  slug: filePath.split('/').pop()!.replace('.mdx', ''),
  data: { title: filePath, description: 'd', phase, order, duration, draft: false },
});

describe('course outline', () => {
  const course = buildCourse([source('b.mdx', 1, 2), source('c.mdx', 2, 1, 12), source('a.mdx', 1, 1, 8)]);

  test('orders lessons by phase, then order', () => {
    expect(course.lessons.map((l) => l.filePath)).toEqual(['a.mdx', 'b.mdx', 'c.mdx']);
  });

  test('links previous and next across a phase boundary', () => {
    const [a, b, c] = course.lessons;
    expect(a!.previous).toBeUndefined();
    expect(b!.next?.filePath).toBe('c.mdx');
    expect(c!.previous?.filePath).toBe('b.mdx');
    expect(c!.next).toBeUndefined();
  });

  test('numbers lessons inside their phase and builds their paths', () => {
    expect(course.lessons.map((l) => `${l.path} ${l.numberInPhase}/${l.lessonsInPhase}`)).toEqual([
      'redis-fundamentals/a/ 1/2',
      'redis-fundamentals/b/ 2/2',
      'core-data-structures/c/ 1/1',
    ]);
  });

  test('totals minutes per phase and for the course', () => {
    expect(course.phases.map((p) => p.minutes)).toEqual([18, 12, 0]);
    expect(course.minutes).toBe(30);
  });

  test('errors naming both files when two lessons share phase and order', () => {
    expect(() => buildCourse([source('x/one.mdx', 3, 2), source('y/two.mdx', 3, 2)])).toThrow(
      new CourseError(['x/one.mdx and y/two.mdx both have phase: 3 and order: 2. Give each lesson of a phase its own order.']),
    );
  });

  test('errors naming both files when two lessons share a slug', () => {
    expect(() => buildCourse([source('x/intro.mdx', 1, 1), source('y/intro.mdx', 2, 1)])).toThrow(
      'x/intro.mdx and y/intro.mdx both have the slug "intro". Rename one of the files',
    );
  });

  test.each([
    [45, '45 min'],
    [60, '1 h'],
    [135, '2 h 15 min'],
  ])('formats %i minutes as %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
