import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../../src/course/check';
import { formatProblem } from '../../../src/course/problems';
import { describeIssue } from '../../../src/course/yaml-source';
import { courseLessonSchema } from '../../../src/lint/lint';
import { lessonText, validFrontmatter } from '../../fixtures/lesson';
import { FIXTURE_CONFIG } from '../../support/course';

const lines = (files: Record<string, string>) =>
  checkFiles(Object.entries(files).map(([file, raw]) => ({ file, raw })), FIXTURE_CONFIG, courseLessonSchema(FIXTURE_CONFIG)).problems.map(formatProblem);

describe('checking lesson files before the build', () => {
  test('passes a valid lesson', () => {
    expect(lines({ 'lessons/p/a.mdx': lessonText(validFrontmatter) })).toEqual([]);
  });

  test('accepts a byte-order mark and CRLF line endings', () => {
    const text = `\uFEFF${lessonText(validFrontmatter).replace(/\n/g, '\r\n')}`;
    expect(lines({ 'lessons/p/a.mdx': text })).toEqual([]);
  });

  test('points at the line of an invalid field', () => {
    expect(lines({ 'lessons/p/a.mdx': lessonText({ ...validFrontmatter, phase: 9 }) })).toEqual([
      'lessons/p/a.mdx:4:1 error RM003/frontmatter-schema phase must be one of `1`, `2`, `3` (got 9).',
    ]);
  });

  test('points at the line of a bad interview level', () => {
    const text = lessonText(validFrontmatter).replace('"Beginner"', '"Expert"');
    expect(lines({ 'lessons/p/a.mdx': text })).toEqual([
      'lessons/p/a.mdx:7:23 error RM003/frontmatter-schema interviewQuestions[0]: level must be one of `Beginner`, `Intermediate`, `Advanced` (got "Expert").',
    ]);
  });

  test('reports malformed YAML with its line', () => {
    const text = '---\ntitle: "Sorted Sets\nphase: 2\n---\nBody\n';
    const [problem] = lines({ 'lessons/p/a.mdx': text });
    expect(problem).toMatch(/^lessons\/p\/a\.mdx:\d+:\d+ error RM002\/frontmatter-yaml The frontmatter is not valid YAML: Missing closing "quote\. Check quotes/);
  });

  test.each([
    ['lessons/p/notes.md', 'x', 'lessons/p/notes.md:1:1 error RM001/lesson-file Only .mdx lessons (and course.yaml) belong in the course folder. Rename it to .mdx or move it out of the folder.'],
    ['lessons/p/empty.mdx', ' \n', 'lessons/p/empty.mdx:1:1 error RM001/lesson-file The file is empty. Start from the template with `npm run new:lesson`.'],
  ])('rejects %s', (file, raw, expected) => {
    expect(lines({ [file]: raw })).toEqual([expected]);
  });

  test('reports both files of a shared phase and order at their order lines', () => {
    const text = lessonText(validFrontmatter);
    expect(lines({ 'lessons/a/one.mdx': text, 'lessons/b/two.mdx': text })).toEqual([
      'lessons/a/one.mdx:5:1 error RM004/unique-position lessons/a/one.mdx and lessons/b/two.mdx both have phase: 2 and order: 4. Give each lesson of a phase its own order.',
      'lessons/b/two.mdx:5:1 error RM004/unique-position lessons/a/one.mdx and lessons/b/two.mdx both have phase: 2 and order: 4. Give each lesson of a phase its own order.',
    ]);
  });

  test('reports two lessons with the same slug', () => {
    const problems = lines({
      'lessons/a/intro.mdx': lessonText(validFrontmatter),
      'lessons/b/intro.mdx': lessonText({ ...validFrontmatter, order: 5 }),
    });
    expect(problems).toContain(
      'lessons/a/intro.mdx:1:1 error RM005/unique-slug lessons/a/intro.mdx and lessons/b/intro.mdx both have the slug "intro". Rename one of the files; a lesson\'s URL comes from its file name.',
    );
  });

  test.each([
    [['title'], 'title is missing.', 'title is missing.'],
    [['interviewQuestions', 2, 'level'], 'level must be …', 'interviewQuestions[2]: level must be …'],
    [['tags', 0], 'Too small', 'tags[0]: Too small'],
  ])('describes the issue at %j', (path, message, expected) => {
    expect(describeIssue(path, message)).toBe(expected);
  });
});
