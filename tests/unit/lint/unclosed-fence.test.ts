import { describe, expect, test } from 'vitest';
import { fixture, lintFixture } from './fixtures';

const RULE = 'unclosed-fence';

describe('RM110/unclosed-fence', () => {
  test('passes a lesson whose fences are all closed', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('points at the opening line of a fence left open at the end', () => {
    expect(lintFixture(RULE, 'unclosed')).toEqual([
      `${fixture(RULE, 'unclosed')}:59:1 error RM110/unclosed-fence This code fence is never closed, so what follows it is shown as code. Add a closing \`\`\` line where the code ends.`,
    ]);
  });

  test('finds a fence left open inside a list item', () => {
    expect(lintFixture(RULE, 'unclosed-in-list')).toEqual([
      `${fixture(RULE, 'unclosed-in-list')}:55:3 error RM110/unclosed-fence This code fence is never closed, so what follows it is shown as code. Add a closing \`\`\` line where the code ends.`,
    ]);
  });
});
