import { analyzeFile, checkCourseFile, crossLessonProblems, parseIfLesson, type FileFacts } from '../course/check';
import type { CourseConfig } from '../course/config';
import type { CourseFolder } from '../course/folder';
import type { LessonSource } from '../course/lesson-source';
import type { Problem } from '../course/problems';
import { lessonSchema, type LessonData } from '../course/schema';
import { packFrontmatter } from '../packs/index';
import { LINT_RULES } from './rules/index';
import type { CourseIndex, LinkTarget, ParsedLesson, Rule } from './types';

export interface LintOptions {
  /** Report only these files; the others are still read so links and clashes can be checked. */
  only?: ReadonlySet<string>;
  rules?: readonly Rule[];
}

/** The lesson schema of a course, with the fields the packs add. */
export const courseLessonSchema = (config: CourseConfig) => lessonSchema(config, packFrontmatter());

/** Every lesson by URL, for rules that resolve links across lessons. */
export function courseIndex(config: CourseConfig, facts: readonly FileFacts[]): CourseIndex {
  const lessons = new Map<string, LinkTarget>();
  for (const f of facts) {
    if (f.url && !lessons.has(f.url)) lessons.set(f.url, { file: f.file, url: f.url, anchors: new Set(f.anchors), draft: f.draft });
  }
  return { config, lessons };
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

/** The lint rules' problems for one parsed lesson (an empty file has none: RM001 reports it). */
export function lintLesson(source: LessonSource, facts: FileFacts, index: CourseIndex, rules: readonly Rule[] = LINT_RULES): Problem[] {
  if (source.text.trim() === '') return [];
  const lesson: ParsedLesson = { ...source, data: facts.outline?.data as LessonData | undefined, url: facts.url, anchors: new Set(facts.anchors), course: index };
  return rules.flatMap((rule) => runRule(rule, lesson));
}

/** Every problem of a course folder: course.yaml (RM006), the pre-build checks (RM001–RM005) and the lint rules. */
export function lintFolder(folder: CourseFolder, options: LintOptions = {}): Problem[] {
  const reported = (file: string) => !options.only || options.only.has(file);
  const { config, problems } = checkCourseFile(folder);
  if (!config) return problems;
  const schema = courseLessonSchema(config);
  const sources = folder.files.map(parseIfLesson);
  const facts = folder.files.map((f, i) => analyzeFile(f.file, sources[i], config, schema));
  const index = courseIndex(config, facts);
  problems.push(...crossLessonProblems(facts).filter((p) => reported(p.file)));
  facts.forEach((f, i) => {
    if (!reported(f.file)) return;
    problems.push(...f.problems);
    const source = sources[i];
    if (source) problems.push(...lintLesson(source, f, index, options.rules));
  });
  return problems;
}
