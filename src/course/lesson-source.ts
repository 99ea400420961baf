import type { Code, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToMdast } from 'satteri';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { parseYamlSource, type YamlSource } from './yaml-source';

/** Where the MDX parser gave up, as it said it. */
export interface MdxSyntaxError {
  line: number;
  column: number;
  reason: string;
}

/** A fenced code block of a lesson, as written. */
export interface Fence {
  /** The info string's first word, e.g. `redis-cli`; empty when the fence names none. */
  lang: string;
  /** The rest of the info string, e.g. `title="App.java" {3}` or `continue`. */
  meta: string;
  /** The content, with the fence's own indentation removed. */
  value: string;
  /** 1-based file line of the opening fence; content line `k` (0-based) is on `line + 1 + k`. */
  line: number;
  /** The opening marker, e.g. ``` or ~~~~. */
  marker: string;
  /** False when the document ends before a closing fence. */
  closed: boolean;
  node: Code;
}

/** One lesson file, read and parsed once; the linter, the reading time, the verifier and the build checks all use it. */
export interface LessonSource {
  /** Path as reported, relative to the working directory. */
  file: string;
  /** The file's text without a byte-order mark and with `\n` line endings. */
  text: string;
  /** The frontmatter as YAML with positions; undefined when the file has no frontmatter block. */
  frontmatter: YamlSource | undefined;
  /** Frontmatter values as written (not validated); empty when there is none or its YAML is invalid. */
  values: Readonly<Record<string, unknown>>;
  /** Text after the closing `---`. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** The body with blank lines in place of the frontmatter: node offsets index it, its lines are the file's. */
  markdown: string;
  /** MDX syntax tree of the body; a Markdown-only tree when the body is not valid MDX. */
  tree: Root;
  /** Set when the body is not valid MDX. */
  syntaxError: MdxSyntaxError | undefined;
  /** Every fenced code block, in document order (fences nested in components included). */
  fences: Fence[];
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

/** Markdown as MDX reads it, minus JSX and expressions: used only to keep checking a lesson MDX rejects. */
function mdxLikeMarkdown(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: ['autolink', 'codeIndented', 'htmlFlow', 'htmlText'] } });
}
const markdownParser = unified().use(remarkParse).use(mdxLikeMarkdown).use(remarkGfm).freeze();

/** A lesson's text as editors may write it (a byte-order mark, CRLF line endings) read as plain LF text. */
const normalized = (raw: string): string => raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** The frontmatter block of a lesson's text as written (undefined when it has none): to tell a body-only save. */
export function frontmatterText(raw: string): string | undefined {
  return FRONTMATTER.exec(normalized(raw))?.[1];
}

/** Reads a lesson's text; never throws. A byte-order mark and CRLF line endings are accepted as editors write them. */
export function parseLessonSource(file: string, raw: string): LessonSource {
  const text = normalized(raw);
  const match = FRONTMATTER.exec(text);
  const frontmatter = match ? parseYamlSource(match[1] ?? '', 2) : undefined;
  const bodyLine = match ? match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1 : 1;
  const body = match ? text.slice(match[0].length) : text;
  const js: unknown = frontmatter && frontmatter.document.errors.length === 0 ? frontmatter.document.toJS() : undefined;
  const values = js !== null && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {};
  const markdown = '\n'.repeat(bodyLine - 1) + body;
  const { tree, syntaxError } = parseBody(markdown);
  return { file, text, frontmatter, values, body, bodyLine, markdown, tree, syntaxError, fences: fencesOf(tree, markdown) };
}

/** Parses with Sätteri, the build's own MDX parser (Rust, ~30× faster); remark explains a body it rejects and keeps checking it. */
function parseBody(markdown: string): { tree: Root; syntaxError: MdxSyntaxError | undefined } {
  try {
    return { tree: mdxToMdast(markdown, { features: { frontmatter: false } }) as Root, syntaxError: undefined };
  } catch {
    // Below: remark-mdx's message is the one authors are shown, and the fallback tree comes from the Markdown parser.
  }
  try {
    return { tree: mdxParser.parse(markdown), syntaxError: undefined };
  } catch (error) {
    return { tree: markdownParser.parse(markdown), syntaxError: describeSyntaxError(error) };
  }
}

/** The parser's message and place; some messages carry their place only as "(3:1-3:10)" in the text. */
export function describeSyntaxError(error: unknown): MdxSyntaxError {
  const e = error as { reason?: unknown; message?: unknown; line?: unknown; column?: unknown };
  const reason = String(e.reason ?? e.message ?? error);
  if (typeof e.line === 'number' && typeof e.column === 'number') return { line: e.line, column: e.column, reason };
  const inText = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  return { line: Number(inText?.[1] ?? 1), column: Number(inText?.[2] ?? 1), reason };
}

const OPENING = /^(`{3,}|~{3,})/;
// Container prefixes (indentation, blockquote `>`) come before a fence inside lists and quotes.
const PREFIX = /^[ \t>]*/;

function fencesOf(tree: Root, markdown: string): Fence[] {
  const fences: Fence[] = [];
  visit(tree, 'code', (node: Code) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const lines = markdown.slice(start, end).split('\n');
    const opening = (lines[0] ?? '').replace(PREFIX, '');
    const marker = OPENING.exec(opening)?.[1];
    if (!marker) return;
    const last = lines.length > 1 ? (lines[lines.length - 1] ?? '').replace(PREFIX, '').trimEnd() : '';
    const closed = last.length >= marker.length && last === (marker[0] ?? '').repeat(last.length);
    // The info string as written: the parser unescapes `\(` in it, which would change a `vary` pattern. In `java{3}` the braces are meta.
    const [, lang = '', meta = ''] = /^([^\s{]*)(.*)$/s.exec(opening.slice(marker.length).trim()) ?? [];
    fences.push({ lang, meta: meta.trim(), value: node.value, line: node.position?.start.line ?? 1, marker, closed, node });
  });
  return fences;
}
