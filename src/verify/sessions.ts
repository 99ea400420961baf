/** Finds the ```redis-cli sessions and ```java snippets of a lesson, with the file lines needed for error messages. */
import { parseCodeMeta, type CodeMeta } from '../markdown/code-meta';
import { REDIS_CLI_PROMPT } from '../markdown/redis-cli-grammar';

/** One fenced code block at the top level of the document (fences shown inside other fences are content). */
export interface Fence {
  /** First word of the info string, e.g. `redis-cli`. */
  lang: string;
  /** The info string after the language. */
  metaText: string;
  /** 1-based line of the opening fence. */
  fenceLine: number;
  /** Content lines, with the fence's indentation removed. */
  lines: string[];
  /** False when the document ends before the closing fence. */
  closed: boolean;
}

/** A `127.0.0.1:6379> …` line and what the lesson says Redis replies. */
export interface SessionStep {
  /** The prompt as written, e.g. `127.0.0.1:6379[1]>`. */
  prompt: string;
  /** Text after the prompt. */
  command: string;
  /** 1-based file line of the command; reply line `k` (0-based) is on `line + 1 + k`. */
  line: number;
  /** Reply lines as shown, trailing blank lines dropped. */
  expected: string[];
}

export interface SessionBlock {
  fenceLine: number;
  meta: CodeMeta;
  steps: SessionStep[];
  /** Non-blank lines before the first prompt: not part of any command. */
  strayLines: { line: number; text: string }[];
}

export interface JavaBlock {
  fenceLine: number;
  /** 1-based file line of the snippet's first line (the line after the fence). */
  firstLine: number;
  code: string;
}

const OPEN = /^( *)(`{3,}|~{3,})(.*)$/;

/** Splits Markdown text into lines, accepting CRLF and lone CR line ends. */
export function toLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/**
 * Top-level fenced code blocks. Indentation is not limited to three spaces because MDX has no indented
 * code blocks, so fences nested in JSX such as <Tab> may be indented further.
 */
export function findFences(text: string): Fence[] {
  const lines = toLines(text);
  const fences: Fence[] = [];
  for (let i = frontmatterEnd(lines); i < lines.length; i++) {
    const open = OPEN.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', marker = '', info = ''] = open;
    // A backtick fence's info string may not contain backticks (CommonMark), so ```x``` is inline code.
    if (marker.startsWith('`') && info.includes('`')) continue;
    const close = new RegExp(`^ *${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
    const content: string[] = [];
    let j = i + 1;
    let closed = false;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (close.test(line)) {
        closed = true;
        break;
      }
      content.push(stripIndent(line, indent.length));
    }
    const infoText = info.trim();
    const langMatch = /^([^\s{]*)(.*)$/s.exec(infoText);
    fences.push({
      lang: langMatch?.[1] ?? '',
      metaText: (langMatch?.[2] ?? '').trim(),
      fenceLine: i + 1,
      lines: content,
      closed,
    });
    i = j;
  }
  return fences;
}

/** Index of the first line after YAML frontmatter: fences inside YAML strings are not lesson code. */
function frontmatterEnd(lines: string[]): number {
  if (lines[0]?.trimEnd() !== '---') return 0;
  const end = lines.findIndex((line, k) => k > 0 && line.trimEnd() === '---');
  return end === -1 ? 0 : end + 1;
}

function stripIndent(line: string, width: number): string {
  let n = 0;
  while (n < width && line[n] === ' ') n++;
  return line.slice(n);
}

/** Turns a ```redis-cli fence into commands and their expected replies. */
export function toSessionBlock(fence: Fence): SessionBlock {
  const steps: SessionStep[] = [];
  const strayLines: { line: number; text: string }[] = [];
  fence.lines.forEach((text, k) => {
    const line = fence.fenceLine + 1 + k;
    const prompt = REDIS_CLI_PROMPT.exec(text);
    if (prompt) {
      steps.push({ prompt: prompt[1] ?? '', command: prompt[2] ?? '', line, expected: [] });
      return;
    }
    const current = steps.at(-1);
    if (current) current.expected.push(text);
    else if (text.trim() !== '') strayLines.push({ line, text });
  });
  for (const step of steps) {
    while (step.expected.length > 0 && (step.expected.at(-1) ?? '').trim() === '') step.expected.pop();
  }
  return { fenceLine: fence.fenceLine, meta: parseCodeMeta(fence.metaText), steps, strayLines };
}

export interface LessonSnippets {
  sessions: SessionBlock[];
  java: JavaBlock[];
}

/** Everything `verify:snippets` checks in one lesson's text. */
export function extractSnippets(text: string): LessonSnippets {
  const sessions: SessionBlock[] = [];
  const java: JavaBlock[] = [];
  for (const fence of findFences(text)) {
    if (fence.lang === 'redis-cli') sessions.push(toSessionBlock(fence));
    else if (fence.lang === 'java') java.push({ fenceLine: fence.fenceLine, firstLine: fence.fenceLine + 1, code: fence.lines.join('\n') });
  }
  return { sessions, java };
}
