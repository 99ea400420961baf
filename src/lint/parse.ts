import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { SourceFile } from '../course/check';
import { readLessonFile } from '../course/lesson-file';
import { PHASES } from '../course/phases';
import { lessonSchema } from '../course/schema';
import { lessonSlug } from '../course/slug';
import { headingAnchors } from './anchors';
import type { CourseIndex, ParsedLesson, SyntaxError } from './types';

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

/** Markdown as MDX reads it, minus JSX and expressions: used only to keep linting a lesson MDX rejects. */
function mdxLikeMarkdown(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: ['autolink', 'codeIndented', 'htmlFlow', 'htmlText'] } });
}
const markdownParser = unified().use(remarkParse).use(mdxLikeMarkdown).use(remarkGfm).freeze();

const EMPTY_COURSE: CourseIndex = { lessons: new Map() };

/** Parses one lesson file; never throws, whatever the text. The course index is filled in later. */
export function parseLesson({ file, raw }: SourceFile): ParsedLesson {
  const source = readLessonFile(file, raw);
  const yamlOk = source.document !== undefined && source.document.errors.length === 0;
  const js: unknown = yamlOk ? source.document?.toJS() : undefined;
  const frontmatter = js !== null && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {};
  const parsed = yamlOk ? lessonSchema.safeParse(frontmatter) : undefined;
  // Blank lines in place of the frontmatter keep the tree's line numbers equal to the file's.
  const markdown = '\n'.repeat(source.bodyLine - 1) + source.body;
  const { tree, syntaxError } = parseBody(markdown);
  const questions = frontmatter['interviewQuestions'];
  const phase = PHASES.find((p) => p.number === frontmatter['phase']);
  return {
    file,
    text: source.text,
    source,
    frontmatter,
    data: parsed?.success ? parsed.data : undefined,
    markdown,
    tree,
    syntaxError,
    url: phase ? `/${phase.slug}/${lessonSlug(file)}/` : undefined,
    anchors: headingAnchors(tree, Array.isArray(questions) && questions.length > 0),
    course: EMPTY_COURSE,
  };
}

function parseBody(body: string): { tree: Root; syntaxError: SyntaxError | undefined } {
  try {
    return { tree: mdxParser.parse(body), syntaxError: undefined };
  } catch (error) {
    return { tree: markdownParser.parse(body), syntaxError: describeSyntaxError(error) };
  }
}

/** The parser's message and place; some messages carry their place only as "(3:1-3:10)" in the text. */
export function describeSyntaxError(error: unknown): SyntaxError {
  const e = error as { reason?: unknown; message?: unknown; line?: unknown; column?: unknown };
  const reason = String(e.reason ?? e.message ?? error);
  if (typeof e.line === 'number' && typeof e.column === 'number') return { line: e.line, column: e.column, reason };
  const inText = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  return { line: Number(inText?.[1] ?? 1), column: Number(inText?.[2] ?? 1), reason };
}
