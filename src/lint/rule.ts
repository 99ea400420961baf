import { slug } from 'github-slugger';
import type { Problem } from '../course/problems';
import type { ParsedLesson, Place, Rule, Severity } from './types';

/** Where every rule is explained; the CLI prints it once when there are problems. */
export const DOCS_PATH = 'docs/lint-rules.md';

/** `docs/lint-rules.md#rm102fence-language`: the anchor GitHub gives the heading `## RM102/fence-language`. */
export function docsUrl(id: string, name: string): string {
  return `${DOCS_PATH}#${slug(`${id}/${name}`)}`;
}

/** A rule with its docs link filled in from its id and name, so the two cannot drift apart. */
export function defineRule(rule: Omit<Rule, 'docs'>): Rule {
  const defined: Rule = { ...rule, docs: docsUrl(rule.id, rule.name) };
  // Bound so a check that reports with `this` still works when passed around on its own.
  defined.check = rule.check.bind(defined);
  return defined;
}

/** A problem of `rule` at `place`; severity defaults to the rule's. */
export function report(rule: Pick<Rule, 'id' | 'name' | 'severity'>, lesson: Pick<ParsedLesson, 'file'>, place: Place, message: string, severity: Severity = rule.severity): Problem {
  return { file: lesson.file, line: place.line, column: place.column, severity, rule: `${rule.id}/${rule.name}`, message };
}

/** Start of a node, or line 1 for nodes built without positions. */
export function startOf(node: { position?: { start: { line: number; column: number } } | undefined }): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** The last line with text, where "add it at the end" problems point. */
export function lastLine(lesson: Pick<ParsedLesson, 'text'>): Place {
  return { line: lesson.text.replace(/\s+$/, '').split('\n').length, column: 1 };
}
