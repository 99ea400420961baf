/** Words a learner reads per minute in technical prose. */
export const WORDS_PER_MINUTE = 200;
/** Lines of code a learner reads per minute; code is read more slowly than prose. */
export const CODE_LINES_PER_MINUTE = 20;

export interface ReadingTime {
  proseWords: number;
  codeLines: number;
  minutes: number;
}

const FENCE = /^(```+|~~~+)/;

/** Counts prose words and code lines of an MDX body (frontmatter removed); diagrams are not read as code. */
export function measureBody(body: string): { proseWords: number; codeLines: number } {
  let proseWords = 0;
  let codeLines = 0;
  let fence: { marker: string; lang: string } | undefined;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trim();
    const open = FENCE.exec(trimmed);
    if (fence) {
      if (open && trimmed.startsWith(fence.marker) && trimmed.slice(fence.marker.length).trim() === '') fence = undefined;
      else if (fence.lang !== 'mermaid' && trimmed !== '') codeLines++;
      continue;
    }
    if (open) {
      fence = { marker: open[1]!, lang: trimmed.slice(open[1]!.length).trim().split(/\s/)[0] ?? '' };
      continue;
    }
    if (/^(import|export)\s/.test(trimmed) || /^<\/?[A-Z]/.test(trimmed)) continue;
    proseWords += countWords(trimmed.replace(/<[^>]+>/g, ' '));
  }
  return { proseWords, codeLines };
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Estimated minutes to read a lesson: its body plus its interview questions and answers. */
export function readingTime(body: string, extraText: readonly string[] = []): ReadingTime {
  const measured = measureBody(body);
  const proseWords = measured.proseWords + extraText.reduce((n, t) => n + countWords(t), 0);
  const minutes = Math.max(1, Math.round(proseWords / WORDS_PER_MINUTE + measured.codeLines / CODE_LINES_PER_MINUTE));
  return { proseWords, codeLines: measured.codeLines, minutes };
}
