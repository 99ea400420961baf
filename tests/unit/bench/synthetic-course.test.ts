import { expect, test } from 'vitest';
import { SYNTHETIC_COURSE_FILE, syntheticCourse } from '../../../src/bench/synthetic-course';
import { lintFolder } from '../../../src/lint/lint';

test('the synthetic course is the same on every run and passes every lesson check', () => {
  const course = syntheticCourse(60);
  expect(syntheticCourse(60)).toEqual(course);
  const folder = { dir: 'bench', courseFile: { file: 'bench/course.yaml', raw: SYNTHETIC_COURSE_FILE }, files: course.map((l) => ({ file: `bench/${l.path}`, raw: l.text })) };
  expect(lintFolder(folder)).toEqual([]);
  expect(new Set(course.map((l) => /flowchart[\s\S]*?```/.exec(l.text)?.[0])).size).toBe(60);
});
