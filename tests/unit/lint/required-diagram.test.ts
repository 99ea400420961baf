import { describe, expect, test } from 'vitest';
import { fixture, lintFixture } from './fixtures';

const RULE = 'required-diagram';

describe('RM103/required-diagram', () => {
  test('passes a lesson with a mermaid diagram in the section course.yaml marks `diagram: true`', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('reports the section when its only diagram is in another section', () => {
    expect(lintFixture(RULE, 'no-diagram')).toEqual([
      `${fixture(RULE, 'no-diagram')}:19:1 error RM103/required-diagram The "Understanding the topic" section has no diagram. Add a \`\`\`mermaid fence to it that shows how the parts fit together.`,
    ]);
  });
});
