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

/** Adds up what a reader reads, node by node: text and inline code are words, a code block its non-blank lines; diagrams, imports and expressions are not read. */
export class ReadingTally {
  private readonly texts: string[] = [];
  codeLines = 0;

  /** The value of a text or inline-code node. */
  text(value: string): void {
    this.texts.push(value);
  }

  /** A fenced block; a diagram is looked at, not read. */
  code(lang: string | null | undefined, value: string): void {
    if (lang !== 'mermaid') this.codeLines += value.split('\n').filter((line) => line.trim() !== '').length;
  }

  /** Words across every text seen; separate nodes never fuse into one word. */
  get proseWords(): number {
    return countWords(this.texts.join(' '));
  }
}

/** Counts the words a reader reads and the code lines, over a lesson's syntax tree. */
export function measureTree(tree: Root): { proseWords: number; codeLines: number } {
  const tally = new ReadingTally();
  const walk = (node: Nodes) => {
    if (node.type === 'code') tally.code(node.lang, node.value);
    else if (node.type === 'text' || node.type === 'inlineCode') tally.text(node.value);
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return { proseWords: tally.proseWords, codeLines: tally.codeLines };
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Estimated minutes to read a lesson: its body plus its interview questions and answers. */
export function readingTime(tree: Root, extraText: readonly string[] = []): ReadingTime {
  return readingTimeOf(measureTree(tree), extraText);
}

/** Reading time from a body's measured words and code lines, plus its interview questions and answers. */
export function readingTimeOf(measured: { proseWords: number; codeLines: number }, extraText: readonly string[] = []): ReadingTime {
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
