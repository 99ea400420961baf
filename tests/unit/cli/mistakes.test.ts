import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Runs a tool as a new user would, from a folder of their own; DEBUG is unset so no stack trace is asked for. */
function run(script: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', script), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DEBUG: '', LESSONS_DIR: '', CI: '', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('every tool answers a user’s mistake with one line naming the file or argument and the fix', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-mistakes-'));
    mkdirSync(join(dir, 'notes'), { recursive: true });
    writeFileSync(join(dir, 'notes', 'broken.mdx'), '---\ntitle: "Unclosed\nphase: 1\n---\n\nBody.\n');
    writeFileSync(join(dir, 'notes', 'java.mdx'), '## Code\n\n```java\nint x = 1;\n```\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const folderHint = 'There is no course folder at "lessons". Run from the project root, or set LESSONS_DIR to the folder that holds course.yaml and the lessons.';

  test.each([
    ['build.ts', []],
    ['dev.ts', []],
    ['new-lesson.ts', ['--phase', '1', '--title', 'X']],
    ['lint-lessons.ts', []],
  ])('%s without a lessons folder', (script, args) => {
    const result = run(script, args, dir);
    expect(result.stderr).toBe(folderHint);
    expect(result.code).toBe(1);
  });

  test('verify:snippets takes a folder of lessons', () => {
    const result = run('verify-snippets.ts', ['notes'], dir);
    expect(result.stdout.split('\n')).toContain('notes/java.mdx: 1 Java block parses');
    expect(result.code).toBe(0);
  });

  test.each(['verify-snippets.ts', 'reading-time.ts'])('%s with a path that does not exist', (script) => {
    const result = run(script, ['notes/nope.mdx'], dir);
    expect(result.stderr).toBe('notes/nope.mdx: no such file or folder. Pass lesson files or folders, such as lessons/<phase>/<lesson>.mdx or lessons/<phase>.');
    expect(result.code).toBe(2);
  });

  test('reading-time on a lesson whose frontmatter is not valid YAML', () => {
    const result = run('reading-time.ts', ['notes/broken.mdx'], dir);
    expect(result.stderr).toMatch(/^notes\/broken\.mdx:\d+:\d+: the frontmatter is not valid YAML \(.+\); fix it there, then run again \(npm run lint:lessons explains it\)\.$/);
    expect(result.code).toBe(1);
  });

  test('new:lesson with an option it does not know', () => {
    const result = run('new-lesson.ts', ['--titel', 'X'], dir, { LESSONS_DIR: join(ROOT, 'tests/fixtures/course') });
    expect(result.stderr).toBe(`Unknown option '--titel'. Usage: npm run new:lesson -- --phase 2 --title "Sorted Sets"`);
    expect(result.code).toBe(2);
  });

  test('build with an option it does not know', () => {
    const result = run('build.ts', ['--froce'], dir);
    expect(result.stderr).toBe(`Unknown option '--froce'. Usage: npm run build [-- --force]`);
    expect(result.code).toBe(2);
  });

  test('an invalid course.yaml stops the build at its line and field', () => {
    const course = join(dir, 'course');
    mkdirSync(course, { recursive: true });
    writeFileSync(join(course, 'course.yaml'), 'title: T\ntagline: One line.\naudience: All.\noutcomes: [Learn.]\nphases:\n  - slug: Not A Slug\n    title: One\n    summary: The first.\n');
    const result = run('build.ts', [], dir, { LESSONS_DIR: 'course' });
    expect(result.stderr.split('\n')[0]).toBe('course/course.yaml:6:5 error RM006/course-file phases[0]: slug must be lower-case letters, digits and hyphens (it becomes part of a URL), for example: slug: core-data-structures');
    expect(result.code).toBe(1);
  });
});
