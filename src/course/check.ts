import { findOutlineClashes, type LessonSource } from './outline';
import { fieldPosition, readLessonFile, type LessonFile } from './lesson-file';
import type { Problem } from './problems';
import { lessonSchema } from './schema';
import { lessonSlug } from './slug';

/** One file found under the lessons folder, with its raw text. */
export interface SourceFile {
  file: string;
  raw: string;
}

export const RULES = {
  lessonFile: 'RM001/lesson-file',
  yaml: 'RM002/frontmatter-yaml',
  schema: 'RM003/frontmatter-schema',
  position: 'RM004/unique-position',
  slug: 'RM005/unique-slug',
} as const;

const at = (file: string, rule: string, message: string, line = 1, column = 1): Problem => ({
  file,
  line,
  column,
  severity: 'error',
  rule,
  message,
});

/** A lesson whose frontmatter is valid, ready for the rules that look at the whole course. */
export interface CheckedLesson {
  lesson: LessonFile;
  source: LessonSource;
}

/** Checks one file's form and frontmatter; returns its problems and, when valid, the parsed lesson. */
export function checkLessonFile({ file, raw }: SourceFile): { problems: Problem[]; checked?: CheckedLesson } {
  if (!file.endsWith('.mdx')) {
    return { problems: [at(file, RULES.lessonFile, 'Only .mdx lessons belong in lessons/. Rename it to .mdx or move it out of lessons/.')] };
  }
  if (raw.trim() === '') {
    return { problems: [at(file, RULES.lessonFile, 'The file is empty. Start from the template with `npm run new:lesson`.')] };
  }
  const lesson = readLessonFile(file, raw);
  if (!lesson.document) {
    return {
      problems: [at(file, RULES.lessonFile, 'The file has no frontmatter. Start it with a `---` line, the fields (title, description, phase, order, duration, interviewQuestions) and another `---` line.')],
    };
  }
  if (lesson.document.errors.length > 0) {
    return {
      problems: lesson.document.errors.map((error) => {
        const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
        const what = error.message.split('\n')[0] ?? error.message;
        return at(file, RULES.yaml, `The frontmatter is not valid YAML: ${what}. Check quotes, colons and indentation; quote text that contains ": ".`, pos.line + lesson.frontmatterLine - 1, pos.col);
      }),
    };
  }
  const parsed = lessonSchema.safeParse(lesson.document.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const pos = fieldPosition(lesson, issue.path);
        return at(file, RULES.schema, describeIssue(issue.path, issue.message), pos.line, pos.column);
      }),
    };
  }
  return { problems: [], checked: { lesson, source: { filePath: file, slug: lessonSlug(file), data: parsed.data } } };
}

/** Every problem in a set of lesson files: each file on its own, then the rules that span lessons. */
export function checkCourse(files: readonly SourceFile[]): { problems: Problem[]; lessons: CheckedLesson[] } {
  const problems: Problem[] = [];
  const lessons: CheckedLesson[] = [];
  for (const file of files) {
    const result = checkLessonFile(file);
    problems.push(...result.problems);
    if (result.checked) lessons.push(result.checked);
  }
  problems.push(...crossLessonProblems(lessons));
  return { problems, lessons };
}

/** "interviewQuestions[2]: level must be …": our messages name their own field, so only the parents are added. */
export function describeIssue(path: readonly PropertyKey[], message: string): string {
  const name = (p: PropertyKey) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`);
  const last = path[path.length - 1];
  const namesItself = typeof last === 'string' && message.startsWith(last);
  const shown = namesItself ? path.slice(0, -1) : path;
  const prefix = shown.map(name).join('').replace(/^\./, '');
  return prefix ? `${prefix}: ${message}` : message;
}

function crossLessonProblems(lessons: readonly CheckedLesson[]): Problem[] {
  const byFile = new Map(lessons.map((l) => [l.source.filePath, l.lesson]));
  return findOutlineClashes(lessons.map((l) => l.source)).flatMap((clash) =>
    clash.files.map((file) => {
      const lesson = byFile.get(file)!;
      const pos = clash.kind === 'position' ? fieldPosition(lesson, ['order']) : { line: 1, column: 1 };
      return at(file, clash.kind === 'position' ? RULES.position : RULES.slug, clash.message, pos.line, pos.column);
    }),
  );
}
