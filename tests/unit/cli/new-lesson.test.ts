import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { readCourseFolder } from '../../../src/course/folder';
import { formatProblem } from '../../../src/course/problems';
import { lintFolder } from '../../../src/lint/lint';
import { newLessonPath, nextOrder, renderTemplate } from '../../../src/scaffold/lesson';
import { FIXTURE_CONFIG } from '../../support/course';

test('the next order is one past the highest in the phase', () => {
  expect(nextOrder([{ phase: 2, order: 1 }, { phase: 2, order: 4 }, { phase: 3, order: 9 }], 2)).toBe(5);
  expect(nextOrder([], 6)).toBe(1);
});

test.each([
  ['Sorted Sets', 'lessons/core-data-structures/sorted-sets.mdx'],
  ['Café & Crème: Streams', 'lessons/core-data-structures/cafe-creme-streams.mdx'],
  ['🚀🚀', 'lessons/core-data-structures/new-lesson.mdx'],
])('a lesson titled %j goes to %s', (title, path) => {
  expect(newLessonPath('lessons', FIXTURE_CONFIG.phases[1]!, title)).toBe(path);
});

test('the title is escaped for YAML', () => {
  expect(renderTemplate('title: "{{title}}"', FIXTURE_CONFIG, { title: 'Say "hi" \\ bye', phase: 1, order: 1 })).toBe('title: "Say \\"hi\\" \\\\ bye"');
});

test('a scaffolded lesson passes the linter with warnings only (placeholders, duration, question count)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scaffold-'));
  cpSync('tests/fixtures/course', dir, { recursive: true });
  const output = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/new-lesson.ts', '--phase', '2', '--title', 'Ünïcode Streams 🚀'], {
    env: { ...process.env, LESSONS_DIR: dir },
    encoding: 'utf8',
  });
  const file = join(dir, 'core-data-structures', 'unicode-streams.mdx');
  expect(output).toContain(`Created ${file} (phase 2, order 2).`);
  expect(readFileSync(file, 'utf8')).toContain('title: "Ünïcode Streams 🚀"');

  const problems = lintFolder(readCourseFolder(dir)).filter((p) => resolve(p.file) === file);
  expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(['RM109/template-placeholders', 'RM105/duration-matches-reading-time', 'RM104/interview-levels']));
});

test('refuses a phase that does not exist, without a stack trace', () => {
  let stderr = '';
  try {
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/new-lesson.ts', '--phase', '9', '--title', 'X'], { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, LESSONS_DIR: 'tests/fixtures/course' } });
  } catch (error) {
    stderr = (error as { stderr: string }).stderr;
  }
  expect(stderr.trim()).toBe('Phase must be a number from 1 to 3, got "9".');
});
