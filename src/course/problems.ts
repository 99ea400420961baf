import { plural } from './conventions';

/** A mistake in the course's sources, reported as `path:line:column severity RULE/name message`. */
export interface Problem {
  /** Path relative to the project, e.g. `lessons/core-data-structures/strings.mdx`. */
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  /** `ID/name` of the rule, e.g. `RM002/frontmatter-yaml` or `redis/reply-mismatch`. */
  rule: string;
  message: string;
  /** Lines printed indented under the problem, e.g. what was expected and what Redis printed. */
  details?: string[];
}

export function formatProblem(p: Problem): string {
  return [`${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`, ...(p.details ?? []).map((line) => `    ${line}`)].join('\n');
}

/** A GitHub Actions annotation so the problem shows on the pull request's diff. */
export function formatAnnotation(p: Problem): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const text = [p.message, ...(p.details ?? [])].join('\n');
  return `::${p.severity} file=${p.file},line=${p.line},col=${p.column},title=${p.rule}::${escape(text)}`;
}

/** Problems sorted by file, then position, so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

export function summarize(problems: readonly Problem[], files: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(files, 'lesson')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
