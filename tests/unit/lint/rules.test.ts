import { existsSync, readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../../src/course/check';
import { DOCS_PATH } from '../../../src/lint/rule';
import { LINT_RULES } from '../../../src/lint/rules/index';
import { FIXTURES } from './fixtures';

const docs = readFileSync(DOCS_PATH, 'utf8');
const anchors = (() => {
  const slugger = new GithubSlugger();
  return new Set([...docs.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugger.slug(m[1]!)));
})();
/** The text of one rule's section in the docs. */
const section = (id: string) => docs.split(/^(?=## RM\d{3}\/)/m).find((s) => s.startsWith(`## ${id}/`)) ?? '';

describe('the lint rules', () => {
  test('have unique RM1xx ids and kebab-case names', () => {
    expect(new Set(LINT_RULES.map((r) => r.id)).size).toBe(LINT_RULES.length);
    for (const rule of LINT_RULES) {
      expect(rule.id).toMatch(/^RM1\d\d$/);
      expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description).not.toBe('');
    }
  });

  test('offer an automatic fix only where it cannot change what a lesson says', () => {
    expect(LINT_RULES.filter((r) => r.fix).map((r) => r.id)).toEqual(['RM105']);
  });

  test.each(LINT_RULES.map((r) => [`${r.id}/${r.name}`, r] as const))('%s links to its own section of docs/lint-rules.md', (_, rule) => {
    const [path, anchor] = rule.docs.split('#');
    expect(path).toBe(DOCS_PATH);
    expect(anchors).toContain(anchor);
    expect(section(rule.id)).toMatch(/Bad/);
    expect(section(rule.id)).toMatch(/Good/);
  });

  test.each(LINT_RULES.filter((r) => r.id !== 'RM100').map((r) => r.name))('%s has fixtures with a valid lesson', (name) => {
    expect(existsSync(`${FIXTURES}/${name}/valid.mdx`)).toBe(true);
  });

  test('documents the pre-build rules the command also reports', () => {
    for (const rule of Object.values(RULES)) expect(anchors).toContain(new GithubSlugger().slug(rule));
  });
});
