import { LineCounter, parseDocument, type Document } from 'yaml';

/** A lesson file split into frontmatter and body, with what is needed to map fields back to lines. */
export interface LessonFile {
  file: string;
  text: string;
  /** Parsed YAML, or undefined when the frontmatter block is missing. */
  document: Document | undefined;
  lineCounter: LineCounter;
  /** 1-based line of the first frontmatter line (after the opening `---`). */
  frontmatterLine: number;
  /** Body text after the closing `---`. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** Reads a lesson's text; a byte-order mark and CRLF line endings are accepted as authors' editors write them. */
export function readLessonFile(file: string, raw: string): LessonFile {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lineCounter = new LineCounter();
  const match = FRONTMATTER.exec(text);
  if (!match) return { file, text, document: undefined, lineCounter, frontmatterLine: 1, body: text, bodyLine: 1 };
  const document = parseDocument(match[1] ?? '', { lineCounter, prettyErrors: false, uniqueKeys: true });
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  return { file, text, document, lineCounter, frontmatterLine: 2, body: text.slice(match[0].length), bodyLine };
}

/** File line and column of a frontmatter field such as `['interviewQuestions', 2, 'level']`. */
export function fieldPosition(lesson: LessonFile, path: readonly PropertyKey[]): { line: number; column: number } {
  const doc = lesson.document;
  for (let depth = path.length; doc && depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    const pair = depth === path.length ? keyNode(doc, path) : undefined;
    const range = pair?.range ?? node?.range;
    if (range) {
      const pos = lesson.lineCounter.linePos(range[0]);
      return { line: pos.line + lesson.frontmatterLine - 1, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

/** The key node of the last path segment, so a missing value still points at its key. */
function keyNode(doc: Document, path: readonly PropertyKey[]): { range?: [number, number, number] } | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items;
  const key = path[path.length - 1];
  return items?.find((item) => item.key?.value === key)?.key;
}
