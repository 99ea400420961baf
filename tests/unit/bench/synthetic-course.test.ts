import { expect, test } from 'vitest';
import { syntheticCourse } from '../../../src/bench/synthetic-course';
import { checkCourse } from '../../../src/course/check';

test('the synthetic course is the same on every run and passes the pre-build checks', () => {
  const course = syntheticCourse(60);
  expect(syntheticCourse(60)).toEqual(course);
  const { problems, lessons } = checkCourse(course.map((l) => ({ file: `bench/${l.path}`, raw: l.text })));
  expect(problems).toEqual([]);
  expect(lessons).toHaveLength(60);
  expect(new Set(course.map((l) => /flowchart[\s\S]*?```/.exec(l.text)?.[0])).size).toBe(60);
});
