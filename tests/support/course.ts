import { readFileSync } from 'node:fs';
import { readSourceFiles, type CourseFolder } from '../../src/course/folder';
import { formatProblem, sortProblems } from '../../src/course/problems';
import { loadCourseConfig } from '../../src/course/read';
import { lintFolder } from '../../src/lint/lint';

/** The course the lint fixtures share (tests/fixtures/lint/course.yaml): three phases, the default template and levels. */
export const FIXTURE_COURSE_DIR = 'tests/fixtures/lint';
export const FIXTURE_CONFIG = loadCourseConfig(FIXTURE_COURSE_DIR);

/** A folder of lesson files judged under the shared fixture course.yaml. */
export function fixtureFolder(dir: string): CourseFolder {
  const file = `${FIXTURE_COURSE_DIR}/course.yaml`;
  return { dir, courseFile: { file, raw: readFileSync(file, 'utf8') }, files: readSourceFiles(dir) };
}

/** The linter's output lines for a folder of lessons, optionally for some of its files only. */
export function lintLines(folder: CourseFolder, only?: readonly string[]): string[] {
  return sortProblems(lintFolder(folder, only ? { only: new Set(only) } : {})).map(formatProblem);
}

/** A course folder made of in-memory lesson files, under the shared fixture course.yaml. */
export function folderOf(files: Readonly<Record<string, string>>, dir = 'lessons'): CourseFolder {
  return { ...fixtureFolder(FIXTURE_COURSE_DIR), dir, files: Object.entries(files).map(([file, raw]) => ({ file, raw })) };
}
