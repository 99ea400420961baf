import type { Nodes, Root } from 'mdast';

/** Words a learner reads per minute in technical prose. */
export const WORDS_PER_MINUTE = 200;
/** Lines of code a learner reads per minute; code is read more slowly than prose. */
export const CODE_LINES_PER_MINUTE = 20;

export interface ReadingTime {
  proseWords: number;
  codeLines: number;
  minutes: number;
}

/** Blocks whose text ends a run of words, so the last word of one cell or item does not fuse with the next. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote']);

/** Counts the words a reader reads and the code lines, over a lesson's syntax tree; diagrams, imports and expressions are not read. */
export function measureTree(tree: Root): { proseWords: number; codeLines: number } {
  const texts: string[] = [];
  let codeLines = 0;
  const walk = (node: Nodes) => {
    if (node.type === 'code') {
      if (node.lang !== 'mermaid') codeLines += node.value.split('\n').filter((line) => line.trim() !== '').length;
      return;
    }
    if (node.type === 'text' || node.type === 'inlineCode') texts.push(node.value);
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
    if (BLOCKS.has(node.type)) texts.push('\n');
  };
  walk(tree);
  return { proseWords: countWords(texts.join(' ')), codeLines };
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Estimated minutes to read a lesson: its body plus its interview questions and answers. */
export function readingTime(tree: Root, extraText: readonly string[] = []): ReadingTime {
  const measured = measureTree(tree);
  const proseWords = measured.proseWords + extraText.reduce((n, t) => n + countWords(t), 0);
  const minutes = Math.max(1, Math.round(proseWords / WORDS_PER_MINUTE + measured.codeLines / CODE_LINES_PER_MINUTE));
  return { proseWords, codeLines: measured.codeLines, minutes };
}

/** Question and answer text of interview questions as written; malformed items are the schema's to report. */
export function questionText(questions: unknown): string[] {
  if (!Array.isArray(questions)) return [];
  return questions.flatMap((q: unknown) => {
    const { question, answer } = (q ?? {}) as { question?: unknown; answer?: unknown };
    return [question, answer].filter((t): t is string => typeof t === 'string');
  });
}
