import { checkCourse, type SourceFile } from '../course/check';
import type { Problem } from '../course/problems';
import { parseLesson } from './parse';
import { LINT_RULES } from './rules/index';
import type { CourseIndex, ParsedLesson, Rule } from './types';

export interface LintOptions {
  /** Report only these files; the others are still read so links and clashes can be checked. */
  only?: ReadonlySet<string>;
  rules?: readonly Rule[];
}

/** Lessons worth parsing: `.mdx` files with some text (RM001 reports the others). */
const isLesson = (f: SourceFile) => f.file.endsWith('.mdx') && f.raw.trim() !== '';

/** Parses every lesson once and links them into one course, for rules that look across lessons. */
export function parseCourse(files: readonly SourceFile[]): ParsedLesson[] {
  const parsed = files.filter(isLesson).map(parseLesson);
  const lessons = new Map<string, { file: string; url: string; anchors: ReadonlySet<string>; draft: boolean }>();
  for (const l of parsed) {
    if (l.url && !lessons.has(l.url)) lessons.set(l.url, { file: l.file, url: l.url, anchors: l.anchors, draft: l.frontmatter['draft'] === true });
  }
  const course: CourseIndex = { lessons };
  return parsed.map((l) => ({ ...l, course }));
}

/** Runs one rule; a rule that throws becomes a problem on the file instead of ending the run. */
function runRule(rule: Rule, lesson: ParsedLesson): Problem[] {
  try {
    return rule.check(lesson);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return [{ file: lesson.file, line: 1, column: 1, severity: 'error', rule: `${rule.id}/${rule.name}`, message: `The rule failed on this file (${why}). This is a bug in the linter: report it with the file attached.` }];
  }
}

/** Every problem in a set of lesson files: the pre-build checks (RM001–RM005) and the lint rules. */
export function lintSources(files: readonly SourceFile[], options: LintOptions = {}): Problem[] {
  const reported = (file: string) => !options.only || options.only.has(file);
  const problems = checkCourse(files).problems.filter((p) => reported(p.file));
  for (const lesson of parseCourse(files)) {
    if (!reported(lesson.file)) continue;
    for (const rule of options.rules ?? LINT_RULES) problems.push(...runRule(rule, lesson));
  }
  return problems;
}
