import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { formatProblem } from '../../../src/course/problems';
import { codeDigest } from '../../../src/code-digest';
import { CourseChecker } from '../../../src/lint/cache';

describe('the cached lesson checks of npm run build and npm run dev', () => {
  let dir = '';
  let course = '';
  let cacheFile = '';
  const lesson = () => join(course, 'redis-fundamentals', 'welcome.mdx');
  const check = () => new CourseChecker(course, cacheFile).check();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lint-cache-'));
    course = join(dir, 'course');
    cacheFile = join(dir, 'cache', 'checks.json');
    cpSync('tests/fixtures/course', course, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('parses nothing again while no lesson changed, and finds the same problems', () => {
    const first = check();
    expect(first).toMatchObject({ parsed: 4, cached: 0 });
    const second = check();
    expect(second).toMatchObject({ parsed: 0, cached: 4 });
    expect(second.problems.map(formatProblem)).toEqual(first.problems.map(formatProblem));
  });

  test('re-checks only the lesson that was edited', () => {
    check();
    writeFileSync(lesson(), readFileSync(lesson(), 'utf8').replace('## Summary', '## Summary\n\nTODO(author): finish this.'));
    const after = check();
    expect(after).toMatchObject({ parsed: 1, cached: 3 });
    expect(after.problems.map((p) => p.rule)).toContain('RM109/template-placeholders');
  });

  test('re-checks a lesson whose link target lost its heading', () => {
    const second = join(course, 'redis-fundamentals', 'second-steps.mdx');
    writeFileSync(second, `${readFileSync(second, 'utf8')}\nSee [the summary](../welcome/#summary).\n`);
    expect(check().problems.filter((p) => p.rule === 'RM108/internal-links')).toEqual([]);
    writeFileSync(lesson(), readFileSync(lesson(), 'utf8').replace('## Summary', '## Wrap-up'));
    const links = check().problems.filter((p) => p.rule === 'RM108/internal-links');
    expect(links.map((p) => resolve(p.file))).toEqual([second]);
  });

  test('a change to course.yaml re-checks every lesson', () => {
    check();
    writeFileSync(join(course, 'course.yaml'), readFileSync(join(course, 'course.yaml'), 'utf8').replace('title: Redis Mastery', 'title: Another Title'));
    expect(check()).toMatchObject({ parsed: 4, cached: 0 });
  });
});

describe('the digest of the code that judges lessons', () => {
  test.each(['src/lint/rules/a.ts', 'src/course/b.ts', 'src/markdown/languages.ts', 'src/packs/redis/grammar.ts', 'package-lock.json'])('changes when %s changes', (file) => {
    const root = mkdtempSync(join(tmpdir(), 'code-digest-'));
    try {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), 'one');
      const before = codeDigest(root);
      writeFileSync(join(root, file), 'two');
      expect(codeDigest(root)).not.toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
