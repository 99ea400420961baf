import { describe, expect, test } from 'vitest';
import { KNOWN_LANGUAGES } from '../../../src/markdown/languages';
import { fixture, lintFixture } from './fixtures';

const RULE = 'fence-language';

describe('RM102/fence-language', () => {
  test('passes a lesson whose fences all name a known language', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('reports a fence without a language', () => {
    expect(lintFixture(RULE, 'no-language')).toEqual([
      `${fixture(RULE, 'no-language')}:34:1 error RM102/fence-language Code fence has no language. Add one after the backticks, e.g. \`\`\`text`,
    ]);
  });

  test('suggests the known name for a common alias', () => {
    expect(lintFixture(RULE, 'alias-language')).toEqual([
      `${fixture(RULE, 'alias-language')}:34:1 error RM102/fence-language Code fence language "redis" is not one the site knows. Write \`\`\`redis-cli instead.`,
    ]);
  });

  test('lists the known languages for one it cannot guess', () => {
    expect(lintFixture(RULE, 'unknown-language')).toEqual([
      `${fixture(RULE, 'unknown-language')}:34:1 error RM102/fence-language Code fence language "cobol" is not one the site knows. Use one of: kotlin, bash, shell, sh, console, yaml, yml, properties, json, lua, xml, ini, conf, text, plaintext, python, javascript, typescript, diff, dockerfile, sql, go, redis-cli, java, mermaid.`,
    ]);
  });

  test('knows the languages the site labels, plus mermaid', () => {
    expect(KNOWN_LANGUAGES).toContain('redis-cli');
    expect(KNOWN_LANGUAGES).toContain('mermaid');
  });
});
