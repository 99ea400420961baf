import { describe, expect, test } from 'vitest';
import { relativeLink } from '../../../src/lint/rules/internal-links';
import { fixture, lintFixture } from './fixtures';

const RULE = 'internal-links';

describe('RM108/internal-links', () => {
  test('passes relative links to lessons, headings, phase pages and external sites', () => {
    expect(lintFixture(RULE, 'valid')).toEqual([]);
  });

  test('rejects an absolute link and suggests the relative one', () => {
    expect(lintFixture(RULE, 'absolute-link')).toEqual([
      `${fixture(RULE, 'absolute-link')}:45:29 error RM108/internal-links Link "/core-data-structures/target/" is absolute and breaks when the site is served under a base path. Use a relative link: "../target/".`,
    ]);
  });

  test('rejects a link to a lesson that does not exist and suggests the nearest', () => {
    expect(lintFixture(RULE, 'missing-lesson')).toEqual([
      `${fixture(RULE, 'missing-lesson')}:45:29 error RM108/internal-links Link "../targets/" points to /core-data-structures/targets/, which is not a lesson in the course. Did you mean "../target/"?`,
    ]);
  });

  test('rejects an anchor that is not a heading of the target lesson', () => {
    expect(lintFixture(RULE, 'missing-anchor')).toEqual([
      `${fixture(RULE, 'missing-anchor')}:45:29 error RM108/internal-links Link "../target/#sumary" points to "#sumary", which is not a heading in ${fixture(RULE, 'target')}. Did you mean "#summary"?`,
    ]);
  });

  test('warns about a link to a draft lesson', () => {
    expect(lintFixture(RULE, 'link-to-draft')).toEqual([
      `${fixture(RULE, 'link-to-draft')}:45:29 warning RM108/internal-links Link "../draft/" points to ${fixture(RULE, 'draft')}, a draft that is left out of the production build. Link to it once it is published.`,
    ]);
  });

  test.each([
    ['/core-data-structures/hashes/', '/core-data-structures/sets/', '../sets/'],
    ['/core-data-structures/hashes/', '/advanced-patterns/streams/', '../../advanced-patterns/streams/'],
    ['/core-data-structures/hashes/', '/core-data-structures/', '../'],
    ['/core-data-structures/hashes/', '/', '../../'],
  ])('links from %s to %s as %s', (from, to, expected) => {
    expect(relativeLink(from, to)).toBe(expected);
  });
});
