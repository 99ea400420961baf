/** Checks that a lesson's Java snippet parses as a file, as class members or as statements. */
import { parse } from 'java-parser';

export type JavaShape = 'compilation unit' | 'class members' | 'statements';

export type JavaCheck =
  | { ok: true; shape: JavaShape }
  | {
      ok: false;
      /** 1-based line and column inside the snippet, of the attempt that got furthest. */
      line: number;
      column: number;
      message: string;
    };

// Wrappers open on the snippet's first line so the parser's line numbers stay the snippet's.
const ATTEMPTS: readonly { shape: JavaShape; before: string; after: string }[] = [
  { shape: 'compilation unit', before: '', after: '' },
  { shape: 'class members', before: 'class __Snippet { ', after: '\n}' },
  { shape: 'statements', before: 'class __Snippet { void __snippet() throws Exception { ', after: '\n} }' },
];

const POSITION = /detected in line: (\w+), column: (\w+)/;

/** Tries each shape in turn; on failure reports the error from the attempt that parsed furthest. */
export function checkJava(code: string): JavaCheck {
  const snippetLines = code.split('\n');
  // The parser reports an error at the end of input without a position; that is the snippet's last line.
  const end = { line: snippetLines.length, column: (snippetLines.at(-1) ?? '').length + 1 };
  let best: Extract<JavaCheck, { ok: false }> | undefined;
  for (const { shape, before, after } of ATTEMPTS) {
    try {
      parse(before + code + after);
      return { ok: true, shape };
    } catch (error) {
      const raw = error instanceof Error ? error.message : String(error);
      const position = POSITION.exec(raw);
      let line = Number(position?.[1]);
      let column = Number(position?.[2]);
      if (Number.isNaN(line) || Number.isNaN(column) || line > end.line) ({ line, column } = end);
      else if (line === 1) column = Math.max(1, column - before.length);
      if (!best || line > best.line || (line === best.line && column > best.column)) {
        best = { ok: false, line, column, message: summarize(raw) };
      }
    }
  }
  return best ?? { ok: false, ...end, message: 'does not parse' };
}

/** The parser may list every token sequence it would accept; the token it found is what a reader needs. */
export function summarize(raw: string): string {
  const lines = raw.split('\n');
  const lexing = /unexpected character: ->(.*?)<-/.exec(raw);
  if (lexing) return `unexpected character '${lexing[1] ?? ''}'`;
  const pair = /Expecting --> (.*?) <-- but found --> '(.*?)' <--/.exec(raw);
  if (pair) return `${found(pair[2] ?? '')}, expected ${pair[1] ?? ''}`;
  const listed = /but found: '(.*?)'!?$/m.exec(raw);
  if (listed) return found(listed[1] ?? '');
  return (lines[1] ?? raw).replace(/!$/, '').trim();
}

const found = (token: string) => (token === '' ? 'unexpected end of snippet' : `unexpected '${token}'`);
