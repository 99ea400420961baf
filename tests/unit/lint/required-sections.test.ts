import { describe, expect, test } from 'vitest';
import { DEFAULT_SECTIONS } from '../../../src/course/config';
import { sectionKey } from '../../../src/course/conventions';
import { fixture, lintFixture } from './fixtures';

const RULE = 'required-sections';

describe('RM101/required-sections', () => {
  test('passes a lesson with the nine sections in template order', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('reports a missing section at the line where it belongs', () => {
    expect(lintFixture(RULE, 'missing-section')).toEqual([
      `${fixture(RULE, 'missing-section')}:47:1 error RM101/required-sections Section "Best practices" is missing. Add \`## Best practices\` after the "Real-world use" section. [Expected: "Best practices" after "Real-world use"; Actual: "Common mistakes" after "Real-world use"]`,
    ]);
  });

  test('reports a missing first section at the first heading', () => {
    expect(lintFixture(RULE, 'missing-introduction')).toEqual([
      `${fixture(RULE, 'missing-introduction')}:15:1 error RM101/required-sections Section "Introduction" is missing. Add \`## Introduction\` as the first section. [Expected: "Introduction" first; Actual: "Understanding the topic" first]`,
    ]);
  });

  test('reports the section written too early when two are swapped', () => {
    expect(lintFixture(RULE, 'out-of-order')).toEqual([
      `${fixture(RULE, 'out-of-order')}:43:1 error RM101/required-sections Section "Best practices" is out of order; move it after the "Real-world use" section. [Expected: "Best practices" after "Real-world use"; Actual: "Best practices" after "Informative example"]`,
    ]);
  });

  test('rejects a hand-written Interview questions heading', () => {
    expect(lintFixture(RULE, 'interview-heading')).toEqual([
      `${fixture(RULE, 'interview-heading')}:55:1 error RM101/required-sections Remove the "Interview questions" heading: the site generates that section from the frontmatter's interviewQuestions and places it before "Summary".`,
    ]);
  });

  test('reports a section written twice at the second one', () => {
    expect(lintFixture(RULE, 'duplicate-section')).toEqual([
      `${fixture(RULE, 'duplicate-section')}:59:1 error RM101/required-sections Section "Summary" appears twice (also at line 55). Merge the two into one section.`,
    ]);
  });

  test('keeps the outline as data in template order', () => {
    expect(DEFAULT_SECTIONS.map((s) => s.heading)).toEqual(['Introduction', 'Understanding the topic', 'Step-by-step explanation', 'Syntax reference', 'Informative example', 'Real-world use', 'Best practices', 'Common mistakes', 'Summary']);
  });

  test('compares headings regardless of case, punctuation and emoji', () => {
    expect(sectionKey('Real world USE 🚀')).toBe(sectionKey('Real-world use'));
  });
});
