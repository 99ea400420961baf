/** Prints a reply the way interactive redis-cli 7.x does, so it can be compared with a lesson line by line. */
import { utf8, type Reply } from './resp';

// Bytes redis-cli shows with a short escape inside a quoted string; other bytes outside 0x20–0x7e become \xHH.
const SHORT_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x5c, '\\\\'],
  [0x22, '\\"'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x07, '\\a'],
  [0x08, '\\b'],
]);

/** True for a byte redis-cli prints as itself: printable ASCII other than `\` and `"`. */
const plain = (byte: number) => byte >= 0x20 && byte <= 0x7e && byte !== 0x5c && byte !== 0x22;

/** A bulk string as redis-cli quotes it: `"a\"b\n\xff"`. Runs of plain bytes are decoded whole, so a 10 MB value stays quick. */
export function quoteBulk(bytes: Uint8Array): string {
  const parts = ['"'];
  let k = 0;
  while (k < bytes.length) {
    const start = k;
    while (k < bytes.length && plain(bytes[k]!)) k++;
    if (k > start) parts.push(utf8(bytes, start, k));
    if (k >= bytes.length) break;
    const byte = bytes[k]!;
    parts.push(SHORT_ESCAPES.get(byte) ?? `\\x${byte.toString(16).padStart(2, '0')}`);
    k++;
  }
  parts.push('"');
  return parts.join('');
}

/** Reply lines as interactive redis-cli prints them. */
export function formatReply(reply: Reply): string[] {
  return formatAt(reply, '');
}

/**
 * `indent` is the column where this reply starts; the first line is returned without it because it
 * continues the parent's `n) ` label, and every later line carries it in full.
 */
function formatAt(reply: Reply, indent: string): string[] {
  switch (reply.kind) {
    case 'status':
      return [reply.text];
    case 'error':
      return [`(error) ${reply.text}`];
    case 'integer':
      return [`(integer) ${reply.value}`];
    case 'bulk':
      return [reply.value === null ? '(nil)' : quoteBulk(reply.value)];
    case 'null':
      return ['(nil)'];
    case 'boolean':
      return [reply.value ? '(true)' : '(false)'];
    case 'double':
      return [`(double) ${reply.text}`];
    case 'bignum':
      return [`(big number) ${reply.text}`];
    case 'verbatim':
      // redis-cli prints a verbatim string's text as is, without its `txt:` format prefix.
      return formatRaw({ kind: 'bulk', value: reply.text });
    case 'array':
    case 'push':
      if (reply.items === null) return ['(nil)'];
      return formatList(reply.items, ')', '(empty array)', indent);
    case 'set':
      return formatList(reply.items, '~', '(empty set)', indent);
    case 'map':
      return formatMap(reply.entries, indent);
  }
}

/** `1) a` lines; labels are padded to the widest index and nested replies start after the label. */
function formatList(items: readonly Reply[], mark: string, empty: string, indent: string): string[] {
  if (items.length === 0) return [empty];
  const width = String(items.length).length;
  const lines: string[] = [];
  items.forEach((item, k) => {
    const label = `${String(k + 1).padStart(width)}${mark} `;
    const [first = '', ...rest] = formatAt(item, indent + ' '.repeat(label.length));
    lines.push(`${k === 0 ? '' : indent}${label}${first}`, ...rest);
  });
  return lines;
}

/** `1# "key" => value`; a non-empty nested value starts on the next line, indented past the label. */
function formatMap(entries: readonly [Reply, Reply][], indent: string): string[] {
  if (entries.length === 0) return ['(empty hash)'];
  const width = String(entries.length).length;
  const lines: string[] = [];
  entries.forEach(([key, value], k) => {
    const label = `${String(k + 1).padStart(width)}# `;
    const inner = indent + ' '.repeat(label.length);
    const head = `${k === 0 ? '' : indent}${label}${(formatAt(key, inner)[0] ?? '')} => `;
    if (isNonEmptyAggregate(value)) {
      const [first = '', ...rest] = formatAt(value, inner);
      lines.push(head, `${inner}${first}`, ...rest);
    } else {
      const [first = '', ...rest] = formatAt(value, inner);
      lines.push(`${head}${first}`, ...rest);
    }
  });
  return lines;
}

function isNonEmptyAggregate(reply: Reply): boolean {
  switch (reply.kind) {
    case 'array':
    case 'push':
    case 'set':
      return reply.items !== null && reply.items.length > 0;
    case 'map':
      return reply.entries.length > 0;
    default:
      return false;
  }
}

/** Commands whose replies redis-cli 7 prints raw even in a terminal (seen by running each), e.g. INFO's lines. */
const RAW_OUTPUT = new Set([
  'info',
  'lolwut',
  'client list',
  'client info',
  'cluster info',
  'cluster nodes',
  'memory doctor',
  'memory malloc-stats',
  'latency doctor',
  'latency graph',
  'debug htstats',
  'debug htstats-key',
]);

/** True for `INFO …`, `CLIENT LIST` and the other commands above, in any letter case. */
export function printsRaw(args: readonly string[]): boolean {
  const [name = '', sub = ''] = args.map((arg) => arg.toLowerCase());
  return RAW_OUTPUT.has(name) || RAW_OUTPUT.has(`${name} ${sub}`);
}

/** Raw output: text as is split into lines, errors without `(error)`, as redis-cli prints INFO. */
export function formatRaw(reply: Reply): string[] {
  switch (reply.kind) {
    case 'status':
    case 'error':
      return [reply.text];
    case 'integer':
      return [String(reply.value)];
    case 'bulk': {
      if (reply.value === null) return [''];
      const lines = utf8(reply.value).split(/\r?\n/);
      // A trailing line end does not start another line.
      if (lines.at(-1) === '') lines.pop();
      return lines;
    }
    case 'null':
      return [''];
    case 'boolean':
      return [reply.value ? '1' : '0'];
    case 'double':
    case 'bignum':
      return [reply.text];
    case 'verbatim':
      return formatRaw({ kind: 'bulk', value: reply.text });
    case 'array':
    case 'push':
    case 'set':
      return reply.items === null || reply.items.length === 0 ? [''] : reply.items.flatMap(formatRaw);
    case 'map':
      return reply.entries.length === 0 ? [''] : reply.entries.flatMap(([key, value]) => [...formatRaw(key), ...formatRaw(value)]);
  }
}

/** What redis-cli prints for `args` answered with `reply`. */
export function formatFor(args: readonly string[], reply: Reply): string[] {
  return printsRaw(args) ? formatRaw(reply) : formatReply(reply);
}
