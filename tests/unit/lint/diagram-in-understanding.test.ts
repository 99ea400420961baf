import { describe, expect, test } from 'vitest';
import { fixture, lintFixture } from './fixtures';

const RULE = 'diagram-in-understanding';

describe('RM103/diagram-in-understanding', () => {
  test('passes a lesson with a mermaid diagram under Understanding the topic', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('reports the section when its only diagram is in another section', () => {
    expect(lintFixture(RULE, 'no-diagram')).toEqual([
      `${fixture(RULE, 'no-diagram')}:19:1 error RM103/diagram-in-understanding The "Understanding the topic" section has no diagram. Add a \`\`\`mermaid fence to it that shows how the parts fit together.`,
    ]);
  });
});
