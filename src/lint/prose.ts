/** A character in prose that MDX reads as the start of JSX or of a JavaScript expression. */
export interface MdxTrap {
  line: number;
  column: number;
  kind: 'tag' | 'brace';
  /** What was written: `<String`, `<=`, `{`. */
  text: string;
  /** The tag name after `<`, if any. */
  name: string | undefined;
}

/** HTML elements a lesson may write inline; anything else after `<` is a mistake. */
export const HTML_TAGS: ReadonlySet<string> = new Set(
  ('a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure ' +
    'h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q s samp small source span strong sub summary sup ' +
    'table tbody td tfoot th thead time tr u ul var video audio wbr').split(' '),
);

const NAME = /[A-Za-z][\w.:-]*/y;

/** Components imported at the top of a lesson (`import X from`, `import { A, B as C } from`). */
export function importedNames(markdown: string): string[] {
  const names: string[] = [];
  for (const match of markdown.matchAll(/^import\s+(?:(\w+)|\{([^}]*)\})\s+from\s/gm)) {
    if (match[1]) names.push(match[1]);
    for (const part of (match[2] ?? '').split(',')) names.push(part.trim().split(/\s+as\s+/).pop() ?? '');
  }
  return names.filter(Boolean);
}

/** Paragraph-like runs of lines outside code (the 1-based lines in `codeLines`) and import/export blocks, where MDX syntax applies. */
function proseBlocks(markdown: string, codeLines: ReadonlySet<number>): { text: string; firstLine: number }[] {
  const blocks: { text: string; firstLine: number }[] = [];
  let current: string[] = [];
  let firstLine = 0;
  const flush = () => {
    if (current.length > 0 && !/^(?:import|export)\s/.test(current[0] ?? '')) blocks.push({ text: current.join('\n'), firstLine });
    current = [];
  };
  markdown.split('\n').forEach((line, i) => {
    if (codeLines.has(i + 1) || line.trim() === '') return flush();
    if (current.length === 0) firstLine = i + 1;
    current.push(line);
  });
  flush();
  return blocks;
}

/** Index just past a tag's closing `>`, skipping quoted attribute values and `{…}` expressions. */
function tagEnd(text: string, from: number): number {
  let quote: string | undefined;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '>' && depth === 0) return i + 1;
  }
  return text.length;
}

/** Index just past the `)` that closes a link destination opened at `from`. */
function destinationEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\n' && text[i + 1] === '\n') break;
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return from + 1;
}

/** Finds every `<` and `{` in prose that MDX would read as JSX or an expression, outside code (`codeLines`). */
export function findMdxTraps(markdown: string, isKnownTag: (name: string) => boolean, codeLines: ReadonlySet<number> = new Set()): MdxTrap[] {
  const traps: MdxTrap[] = [];
  for (const block of proseBlocks(markdown, codeLines)) {
    const { text } = block;
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const place = (index: number) => {
      let l = lineStarts.length - 1;
      while (lineStarts[l]! > index) l--;
      return { line: block.firstLine + l, column: index - lineStarts[l]! + 1 };
    };
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        const run = /`+/y;
        run.lastIndex = i;
        const ticks = run.exec(text)?.[0] ?? '`';
        // A code span closes with a run of exactly as many backticks; without one the backticks are text.
        const close = new RegExp(`(?<!\`)${ticks}(?!\`)`, 'g');
        close.lastIndex = i + ticks.length;
        const end = close.exec(text);
        i = end ? end.index + ticks.length : i + ticks.length;
      } else if (c === '<') {
        const next = text[i + 1];
        if (next === undefined || /\s|>/.test(next)) {
          i++;
          continue;
        }
        const closing = next === '/';
        NAME.lastIndex = i + (closing ? 2 : 1);
        const name = NAME.exec(text)?.[0];
        if (name !== undefined && isKnownTag(name)) {
          i = tagEnd(text, i + 1);
          continue;
        }
        // A URL after `<` is an autolink: show all of it, the name alone ("https:") says little.
        const autolink = name?.endsWith(':') ? /^<[^\s>]*>?/.exec(text.slice(i))?.[0] : undefined;
        const shown = autolink ?? (name !== undefined ? `<${closing ? '/' : ''}${name}` : text.slice(i, i + 2));
        traps.push({ ...place(i), kind: 'tag', text: shown, name });
        i++;
      } else if (c === '{') {
        if (text.startsWith('{/*', i)) {
          const end = text.indexOf('*/}', i + 3);
          i = end === -1 ? text.length : end + 3;
          continue;
        }
        traps.push({ ...place(i), kind: 'brace', text: '{', name: undefined });
        i++;
      } else if (c === ']' && text[i + 1] === '(') {
        i = destinationEnd(text, i + 1);
      } else {
        i++;
      }
    }
  }
  return traps;
}
