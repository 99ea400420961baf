import { LineCounter, parseDocument, type Document } from 'yaml';

/** A YAML text (course.yaml, or a lesson's frontmatter) parsed with what is needed to map a field back to its line. */
export interface YamlSource {
  document: Document;
  lineCounter: LineCounter;
  /** 1-based file line of the YAML's first line: 1 for course.yaml, 2 for frontmatter after `---`. */
  firstLine: number;
}

export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { document, lineCounter, firstLine };
}

/** The YAML's syntax errors as file positions and a first line of text each. */
export function yamlErrors(source: YamlSource): { line: number; column: number; message: string }[] {
  return source.document.errors.map((error) => {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    return { line: pos.line + source.firstLine - 1, column: pos.col, message: error.message.split('\n')[0] ?? error.message };
  });
}

/** File line and column of a field such as `['interviewQuestions', 2, 'level']`, or of its nearest parent that exists. */
export function fieldPosition(source: YamlSource | undefined, path: readonly PropertyKey[]): { line: number; column: number } {
  const doc = source?.document;
  for (let depth = path.length; source && doc && depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    const pair = depth === path.length ? keyNode(doc, path) : undefined;
    const range = pair?.range ?? node?.range;
    if (range) {
      const pos = source.lineCounter.linePos(range[0]);
      return { line: pos.line + source.firstLine - 1, column: pos.col };
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

/** "interviewQuestions[2]: level must be …": messages that name their own field get only the parents as a prefix. */
export function describeIssue(path: readonly PropertyKey[], message: string): string {
  const name = (p: PropertyKey) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`);
  const last = path[path.length - 1];
  const namesItself = typeof last === 'string' && message.startsWith(last);
  const shown = namesItself ? path.slice(0, -1) : path;
  const prefix = shown.map(name).join('').replace(/^\./, '');
  return prefix ? `${prefix}: ${message}` : message;
}
