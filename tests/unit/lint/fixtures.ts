import { fixtureFolder, lintLines } from '../../support/course';

/** Fixtures of one rule live in tests/fixtures/lint/<rule-name>/: valid.mdx and one file per violation. */
export const FIXTURES = 'tests/fixtures/lint';

/** Path of a fixture as the linter prints it. */
export const fixture = (rule: string, name: string) => `${FIXTURES}/${rule}/${name}.mdx`;

/** The linter's output lines for one fixture; the other fixtures of its folder form the course around it (under the shared course.yaml). */
export function lintFixture(rule: string, name: string): string[] {
  return lintLines(fixtureFolder(`${FIXTURES}/${rule}`), [fixture(rule, name)]);
}
