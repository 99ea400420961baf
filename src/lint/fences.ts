import type { Code } from 'mdast';
import type { ParsedLesson } from './types';

/** A fenced code block as written: its opening marker and whether a closing fence follows. */
export interface Fence {
  marker: string;
  closed: boolean;
}

const OPENING = /^(`{3,}|~{3,})/;
// Container prefixes (indentation, blockquote `>`) come before a fence inside lists and quotes.
const PREFIX = /^[ \t>]*/;

/** How a `code` node was written; undefined for code that is not fenced (no fence, nothing to check). */
export function fenceOf(lesson: Pick<ParsedLesson, 'markdown'>, node: Code): Fence | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const lines = lesson.markdown.slice(start, end).split('\n');
  const marker = OPENING.exec((lines[0] ?? '').replace(PREFIX, ''))?.[1];
  if (!marker) return undefined;
  const last = lines.length > 1 ? (lines[lines.length - 1] ?? '').replace(PREFIX, '').trimEnd() : '';
  const closed = last.length >= marker.length && last === (marker[0] ?? '').repeat(last.length);
  return { marker, closed };
}
