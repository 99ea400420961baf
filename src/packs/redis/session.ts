/** A ```redis-cli fence read as a session: the commands after each prompt and the replies the lesson shows. */
import type { Fence } from '../../course/lesson-source';
import { parseCodeMeta, type CodeMeta } from '../../markdown/code-meta';
import { REDIS_CLI_PROMPT } from './grammar';

/**
 * `# client B` or `# terminal 2, the publisher`: the lines after it, up to the next such line, are typed in that
 * client. The grammar shows it as a comment; INFO's `# Clients` header does not match (no space after "client").
 */
const CLIENT_MARKER = /^#\s+(?:client|terminal)\s+([\w-]+)(?![\w-])/i;

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
  /** The client named by the nearest `# client …` line above, when there is one. */
  client?: string;
}

export interface SessionBlock {
  fenceLine: number;
  meta: CodeMeta;
  steps: SessionStep[];
  /** Non-blank lines before the first prompt (or after a client line): not part of any command. */
  strayLines: { line: number; text: string }[];
}

/** Turns a ```redis-cli fence into commands and their expected replies. */
export function toSessionBlock(fence: Pick<Fence, 'line' | 'meta' | 'value'>): SessionBlock {
  const steps: SessionStep[] = [];
  const strayLines: { line: number; text: string }[] = [];
  let client: string | undefined;
  // False right after a client line: the next lines belong to that client's next command, not to a reply.
  let inReply = false;
  fence.value.split('\n').forEach((text, k) => {
    const line = fence.line + 1 + k;
    const prompt = REDIS_CLI_PROMPT.exec(text);
    if (prompt) {
      steps.push({ prompt: prompt[1] ?? '', command: prompt[2] ?? '', line, expected: [], ...(client === undefined ? {} : { client }) });
      inReply = true;
      return;
    }
    const marker = CLIENT_MARKER.exec(text);
    if (marker) {
      client = marker[1];
      inReply = false;
      return;
    }
    const current = steps.at(-1);
    if (current && inReply) current.expected.push(text);
    else if (text.trim() !== '') strayLines.push({ line, text });
  });
  for (const step of steps) {
    while (step.expected.length > 0 && (step.expected.at(-1) ?? '').trim() === '') step.expected.pop();
  }
  return { fenceLine: fence.line, meta: parseCodeMeta(fence.meta), steps, strayLines };
}
