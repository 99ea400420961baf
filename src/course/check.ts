import { headingAnchors } from './anchors';
import { completeConfig, courseConfigSchema, phaseByNumber, type CourseConfig } from './config';
import { lessonPath } from './conventions';
import { courseFilePath, type CourseFolder, type SourceFile } from './folder';
import { parseLessonSource, type LessonSource } from './lesson-source';
import { findOutlineClashes, type OutlineSource } from './outline';
import type { Problem } from './problems';
import type { lessonSchema, LessonData } from './schema';
import { lessonSlug } from './slug';
import { describeIssue, fieldPosition, parseYamlSource, yamlErrors, type YamlSource } from './yaml-source';

export const RULES = {
  lessonFile: 'RM001/lesson-file',
  yaml: 'RM002/frontmatter-yaml',
  schema: 'RM003/frontmatter-schema',
  position: 'RM004/unique-position',
  slug: 'RM005/unique-slug',
  courseFile: 'RM006/course-file',
} as const;

const at = (file: string, rule: string, message: string, line = 1, column = 1): Problem => ({ file, line, column, severity: 'error', rule, message });

/** Zod's issues as problems at the lines of the fields they name. */
function schemaProblems(file: string, rule: string, yaml: YamlSource | undefined, issues: readonly { path: PropertyKey[]; message: string }[]): Problem[] {
  return issues.map((issue) => {
    const pos = fieldPosition(yaml, issue.path);
    return at(file, rule, describeIssue(issue.path, issue.message), pos.line, pos.column);
  });
}

/** Checks course.yaml; returns the course with its defaults, or the problems that stop every other check. */
export function checkCourseFile(folder: Pick<CourseFolder, 'dir' | 'courseFile'>): { config?: CourseConfig; problems: Problem[] } {
  const file = courseFilePath(folder.dir);
  const raw = folder.courseFile?.raw;
  if (raw === undefined) {
    return { problems: [at(file, RULES.courseFile, `The course has no ${file}. Create it with the course's title, tagline, audience, outcomes and phases (README.md, "Start your own course").`)] };
  }
  const yaml = parseYamlSource(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const syntax = yamlErrors(yaml);
  if (syntax.length > 0) {
    return { problems: syntax.map((e) => at(file, RULES.courseFile, `${file} is not valid YAML: ${e.message}. Check quotes, colons and indentation; quote text that contains ": ".`, e.line, e.column)) };
  }
  const parsed = courseConfigSchema.safeParse(yaml.document.toJS() ?? {});
  if (!parsed.success) return { problems: schemaProblems(file, RULES.courseFile, yaml, parsed.error.issues) };
  return { config: completeConfig(parsed.data), problems: [] };
}

/** What the checks know of one file on its own: its own problems and what other lessons need of it. Plain JSON, so it can be cached. */
export interface FileFacts {
  file: string;
  /** Problems of the file alone: its form and frontmatter (RM001–RM003). */
  problems: Problem[];
  /** The outline's view of the lesson; undefined when the frontmatter is invalid. */
  outline: OutlineSource | undefined;
  /** `/<phase-slug>/<slug>/` when the frontmatter names a phase of the course. */
  url: string | undefined;
  /** Heading ids as the site generates them, including the interview heading's. */
  anchors: string[];
  draft: boolean;
  /** Line of the `order` field, where a clash of positions is reported. */
  orderLine: number;
}

/** Parses a lesson file when it is one (`.mdx`); other files are RM001's to report. */
export const parseIfLesson = (f: SourceFile): LessonSource | undefined => (f.file.endsWith('.mdx') ? parseLessonSource(f.file, f.raw) : undefined);

/** Checks one file's form and frontmatter and gathers what the cross-lesson checks need of it. */
export function analyzeFile(file: string, source: LessonSource | undefined, config: CourseConfig, schema: ReturnType<typeof lessonSchema>): FileFacts {
  const phase = source ? phaseByNumber(config, source.values['phase']) : undefined;
  const questions = source?.values['interviewQuestions'];
  const facts: FileFacts = {
    file,
    problems: [],
    outline: undefined,
    url: phase ? `/${lessonPath(phase.slug, lessonSlug(file))}` : undefined,
    anchors: source ? [...headingAnchors(source.tree, Array.isArray(questions) && questions.length > 0, config.interview)] : [],
    draft: source?.values['draft'] === true,
    orderLine: fieldPosition(source?.frontmatter, ['order']).line,
  };
  if (!file.endsWith('.mdx') || !source) {
    facts.problems.push(at(file, RULES.lessonFile, 'Only .mdx lessons (and course.yaml) belong in the course folder. Rename it to .mdx or move it out of the folder.'));
  } else if (source.text.trim() === '') {
    facts.problems.push(at(file, RULES.lessonFile, 'The file is empty. Start from the template with `npm run new:lesson`.'));
  } else if (!source.frontmatter) {
    facts.problems.push(at(file, RULES.lessonFile, 'The file has no frontmatter. Start it with a `---` line, the fields (title, description, phase, order, duration, interviewQuestions) and another `---` line.'));
  } else if (source.frontmatter.document.errors.length > 0) {
    for (const e of yamlErrors(source.frontmatter)) {
      facts.problems.push(at(file, RULES.yaml, `The frontmatter is not valid YAML: ${e.message}. Check quotes, colons and indentation; quote text that contains ": ".`, e.line, e.column));
    }
  } else {
    const parsed = schema.safeParse(source.values);
    if (parsed.success) facts.outline = { filePath: file, slug: lessonSlug(file), data: parsed.data as LessonData };
    else facts.problems.push(...schemaProblems(file, RULES.schema, source.frontmatter, parsed.error.issues));
  }
  return facts;
}

/** Problems no single file shows: two lessons in one place (RM004) or at one URL (RM005). */
export function crossLessonProblems(facts: readonly FileFacts[]): Problem[] {
  const byFile = new Map(facts.map((f) => [f.file, f]));
  return findOutlineClashes(facts.flatMap((f) => f.outline ?? [])).flatMap((clash) =>
    clash.files.map((file) => {
      const line = clash.kind === 'position' ? (byFile.get(file)?.orderLine ?? 1) : 1;
      return at(file, clash.kind === 'position' ? RULES.position : RULES.slug, clash.message, line, 1);
    }),
  );
}

/** The pre-build checks (RM001–RM005) of a set of files, without the lint rules. */
export function checkFiles(files: readonly SourceFile[], config: CourseConfig, schema: ReturnType<typeof lessonSchema>): { problems: Problem[]; facts: FileFacts[] } {
  const facts = files.map((f) => analyzeFile(f.file, parseIfLesson(f), config, schema));
  return { problems: [...facts.flatMap((f) => f.problems), ...crossLessonProblems(facts)], facts };
}
