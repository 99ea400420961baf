import { readSourceFiles } from '../../../src/course/sources';
import { formatProblem, sortProblems } from '../../../src/course/problems';
import { lintSources } from '../../../src/lint/lint';

/** Fixtures of one rule live in tests/fixtures/lint/<rule-name>/: valid.mdx and one file per violation. */
export const FIXTURES = 'tests/fixtures/lint';

/** Path of a fixture as the linter prints it. */
export const fixture = (rule: string, name: string) => `${FIXTURES}/${rule}/${name}.mdx`;

/** The linter's output lines for one fixture; the other fixtures of its folder form the course around it. */
export function lintFixture(rule: string, name: string): string[] {
  const files = readSourceFiles(`${FIXTURES}/${rule}`);
  return sortProblems(lintSources(files, { only: new Set([fixture(rule, name)]) })).map(formatProblem);
}
