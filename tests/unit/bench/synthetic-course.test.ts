import { expect, test } from 'vitest';
import { editedLesson, SYNTHETIC_COURSE_FILE, syntheticCourse } from '../../../src/bench/synthetic-course';
import { lintFolder } from '../../../src/lint/lint';

test('the synthetic course is the same on every run and passes every lesson check', () => {
  const course = syntheticCourse(60);
  expect(syntheticCourse(60)).toEqual(course);
  const folder = { dir: 'bench', courseFile: { file: 'bench/course.yaml', raw: SYNTHETIC_COURSE_FILE }, files: course.map((l) => ({ file: `bench/${l.path}`, raw: l.text })) };
  expect(lintFolder(folder)).toEqual([]);
  expect(new Set(course.map((l) => /flowchart[\s\S]*?```/.exec(l.text)?.[0])).size).toBe(60);
});

test("the benchmark's edit changes one lesson's words, and the lesson still passes every check", () => {
  const course = syntheticCourse(12);
  const edited = course.map((l, i) => (i === 6 ? { ...l, text: editedLesson(l.text) } : l));
  expect(edited[6]!.text).not.toBe(course[6]!.text);
  expect(edited[6]!.text).toContain('In short, ');
  const folder = { dir: 'bench', courseFile: { file: 'bench/course.yaml', raw: SYNTHETIC_COURSE_FILE }, files: edited.map((l) => ({ file: `bench/${l.path}`, raw: l.text })) };
  expect(lintFolder(folder)).toEqual([]);
});
