/** What a fence's info string says after the language: ```java title="App.java" {3,5-7} */
export interface CodeMeta {
  /** File name or caption shown above the block. */
  title: string | undefined;
  /** 1-based line numbers to highlight. */
  highlight: Set<number>;
  /** Every `key="value"` or bare `flag`, e.g. `skip="needs a cluster"`, `continue`. */
  attributes: Map<string, string | true>;
}

const TOKEN = /\{([\d,\s-]+)\}|([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g;

/** Reads a fence's meta string; unknown words are kept as attributes, never an error. */
export function parseCodeMeta(meta: string | undefined | null): CodeMeta {
  const highlight = new Set<number>();
  const attributes = new Map<string, string | true>();
  for (const match of (meta ?? '').matchAll(TOKEN)) {
    const [, ranges, key, dq, sq, bare] = match;
    if (ranges !== undefined) {
      for (const part of ranges.split(',')) {
        const [from, to] = part.trim().split('-').map(Number);
        if (from === undefined || Number.isNaN(from)) continue;
        for (let n = from; n <= (to !== undefined && !Number.isNaN(to) ? to : from); n++) highlight.add(n);
      }
    } else if (key !== undefined) {
      attributes.set(key, dq ?? sq ?? bare ?? true);
    }
  }
  const title = attributes.get('title');
  return { title: typeof title === 'string' ? title : undefined, highlight, attributes };
}
