import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

const SCRIPT = resolve('scripts/lint-lessons.ts');
const TSX = resolve('node_modules/tsx/dist/cli.mjs');
const CASES = 'tests/fixtures/lint-cli';
const FILE = 'core-data-structures/ping.mdx';

/** Runs `npm run lint:lessons` as CI would, without inheriting the runner's GITHUB_ACTIONS. */
function lint(lessonsDir: string, args: string[] = [], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [TSX, SCRIPT, ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', LESSONS_DIR: lessonsDir, ...options.env },
  });
  return { code: result.status, lines: result.stdout.trimEnd().split('\n'), stderr: result.stderr };
}

const docs = 'What each rule checks and how to fix it: docs/lint-rules.md';

describe('npm run lint:lessons', () => {
  test('exits 0 and prints only the summary for a clean folder', () => {
    expect(lint(`${CASES}/clean`)).toEqual({ code: 0, lines: ['1 lesson checked: 0 errors, 0 warnings'], stderr: '' });
  });

  test('exits 1 with one line per problem, then the summary with counts per rule and the docs', () => {
    expect(lint(`${CASES}/errors`)).toEqual({
      code: 1,
      lines: [
        `${CASES}/errors/${FILE}:34:1 error RM102/fence-language Code fence has no language. Add one after the backticks, e.g. \`\`\`text`,
        `1 lesson checked: 1 error, 0 warnings (RM102/fence-language 1). ${docs}`,
      ],
      stderr: '',
    });
  });

  test('exits 0 when there are only warnings', () => {
    const { code, lines } = lint(`${CASES}/warnings`);
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe(`1 lesson checked: 0 errors, 1 warning (RM105/duration-matches-reading-time 1). ${docs}`);
  });

  test('adds GitHub annotations with --format=github', () => {
    expect(lint(`${CASES}/errors`, ['--format=github']).lines).toEqual([
      `${CASES}/errors/${FILE}:34:1 error RM102/fence-language Code fence has no language. Add one after the backticks, e.g. \`\`\`text`,
      `::error file=${CASES}/errors/${FILE},line=34,col=1,title=RM102/fence-language::Code fence has no language. Add one after the backticks, e.g. \`\`\`text`,
      `1 lesson checked: 1 error, 0 warnings (RM102/fence-language 1). ${docs}`,
    ]);
  });

  test('adds GitHub annotations by itself inside GitHub Actions', () => {
    const { lines } = lint(`${CASES}/warnings`, [], { env: { GITHUB_ACTIONS: 'true' } });
    expect(lines[1]).toMatch(/^::warning file=tests\/fixtures\/lint-cli\/warnings\/core-data-structures\/ping\.mdx,line=6,col=1,title=RM105\/duration-matches-reading-time::duration is 10 min/);
  });

  test('reports only the files named, with the rest of the folder as context for links', () => {
    const course = mkdtempSync(join(tmpdir(), 'lint-only-'));
    cpSync('tests/fixtures/lint/internal-links', course, { recursive: true });
    cpSync('tests/fixtures/lint/course.yaml', join(course, 'course.yaml'));
    expect(lint(course).code).toBe(1);
    const { code, lines } = lint(course, [`${course}/valid.mdx`]);
    expect({ code, lines }).toEqual({ code: 0, lines: ['1 lesson checked: 0 errors, 0 warnings'] });
    rmSync(course, { recursive: true, force: true });
  });

  test('reports a named file that does not exist instead of crashing', () => {
    const { code, lines } = lint(`${CASES}/clean`, ['no/such-lesson.mdx']);
    expect(code).toBe(1);
    expect(lines[0]).toBe('no/such-lesson.mdx:1:1 error RM001/lesson-file The file does not exist. Check the path; lessons live in the course folder under <phase-slug>/.');
  });

  test('exits 2 with the usage for an unknown option', () => {
    const { code, stderr } = lint(`${CASES}/clean`, ['--fxi']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Unknown option --fxi\.\n\nUsage: npm run lint:lessons/);
  });
});

describe('npm run lint:lessons -- --fix', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('rewrites the duration in a copy, reports the change, and the next run is clean', () => {
    dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
    cpSync(`${CASES}/warnings`, join(dir, 'lessons'), { recursive: true });
    const original = readFileSync(join(dir, 'lessons', FILE), 'utf8');

    const fixed = lint('lessons', ['--fix'], { cwd: dir });
    expect(fixed).toEqual({
      code: 0,
      lines: [
        `fixed lessons/${FILE}:6:1 warning RM105/duration-matches-reading-time duration is 10 min but the lesson reads in 1 min (90 % off, more than 25 %). Set duration: 1, or run the linter with --fix.`,
        'Fixed 1 problem in 1 file.',
        '1 lesson checked: 0 errors, 0 warnings',
      ],
      stderr: '',
    });
    expect(readFileSync(join(dir, 'lessons', FILE), 'utf8')).toBe(original.replace('duration: 10', 'duration: 1'));
    expect(lint('lessons', [], { cwd: dir }).lines).toEqual(['1 lesson checked: 0 errors, 0 warnings']);
  });

  test('says so when there is nothing it can fix', () => {
    dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
    cpSync(`${CASES}/errors`, join(dir, 'lessons'), { recursive: true });
    const { code, lines } = lint('lessons', ['--fix'], { cwd: dir });
    expect(code).toBe(1);
    expect(lines[0]).toBe('Nothing to fix automatically.');
  });
});
