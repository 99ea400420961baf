/** Decides whether what Redis printed matches what a lesson shows for one command, allowing the documented variations. */

export interface CompareInput {
  /** The command's arguments as text, e.g. ['TTL', 'session:42']. */
  args: readonly string[];
  /** Reply lines as the lesson shows them. */
  expected: readonly string[];
  /** Reply lines as redis-cli would print them. */
  actual: readonly string[];
  /** The fence's `vary="…"`: matching parts of expected and actual lines may differ. */
  vary?: RegExp | undefined;
  /** Stream IDs shown in the lesson → IDs Redis generated, from earlier `XADD key *` commands. */
  aliases?: ReadonlyMap<string, string>;
}

export interface Comparison {
  ok: boolean;
  /** Index in `expected` of the first line that does not match; `expected.length` when Redis printed more. */
  at: number;
  /** One phrase saying what differs, empty when ok. */
  reason: string;
  /** Expected lines after stream-ID substitution, as compared. */
  expected: string[];
  actual: string[];
  /** Lines to print under the problem: `expected:` / `actual:` with the replies. */
  diff: string[];
  /** The alias map to use for the rest of the block. */
  aliases: Map<string, string>;
}

/** How much lower than shown a TTL may be when it is checked, per command. */
export const TTL_TOLERANCE: Readonly<Record<string, bigint>> = { TTL: 5n, PTTL: 5000n };

const ELLIPSIS = '...';
const STREAM_ID_REPLY = /^"(\d+-\d+)"$/;
const INTEGER_REPLY = /^\(integer\) (-?\d+)$/;
// Interactive redis-cli adds `(1.01s)` after slow replies; it is timing, not part of the reply.
const TIMING_LINE = /^\(\d+\.\d+s\)$/;
const MASK = '\u0000';

/** Replaces stream IDs shown in the lesson with the ones Redis generated, as whole numbers only. */
export function applyAliases(text: string, aliases: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [shown, real] of aliases) {
    out = out.replace(new RegExp(`(?<![\\d-])${shown}(?!\\d)`, 'g'), real);
  }
  return out;
}

/** `CLIENT ID` shown as `(integer) 12` but answered 7: the shown id stands for the real one in later commands. */
export function clientIdAlias(args: readonly string[], expected: readonly string[], actual: readonly string[]): [shown: string, real: string] | undefined {
  if (args.length !== 2 || args[0]?.toUpperCase() !== 'CLIENT' || args[1]?.toUpperCase() !== 'ID') return undefined;
  const shown = expected.length === 1 ? INTEGER_REPLY.exec(expected[0] ?? '')?.[1] : undefined;
  const real = actual.length === 1 ? INTEGER_REPLY.exec(actual[0] ?? '')?.[1] : undefined;
  return shown !== undefined && real !== undefined ? [shown, real] : undefined;
}

/** Puts real client ids where a command names one: `REDIRECT id`, `CLIENT KILL ID id`, `CLIENT UNBLOCK id`, `CLIENT LIST ID id…`. */
export function applyClientIds(args: readonly string[], ids: ReadonlyMap<string, string>): string[] {
  if (ids.size === 0 || args[0]?.toUpperCase() !== 'CLIENT') return [...args];
  const sub = args[1]?.toUpperCase();
  const real = (arg: string) => ids.get(arg) ?? arg;
  return args.map((arg, k) => {
    const before = args[k - 1]?.toUpperCase();
    if (sub === 'TRACKING' && before === 'REDIRECT') return real(arg);
    if (sub === 'KILL' && before === 'ID') return real(arg);
    if (sub === 'UNBLOCK' && k === 2) return real(arg);
    if (sub === 'LIST' && k >= 3 && args[2]?.toUpperCase() === 'ID') return real(arg);
    return arg;
  });
}

/** The ID argument of an XADD, skipping NOMKSTREAM and MAXLEN/MINID [=|~] threshold [LIMIT count]. */
export function xaddIdArgument(args: readonly string[]): string | undefined {
  if (args[0]?.toUpperCase() !== 'XADD') return undefined;
  let k = 2;
  for (;;) {
    const word = args[k]?.toUpperCase();
    if (word === 'NOMKSTREAM') k += 1;
    else if (word === 'MAXLEN' || word === 'MINID') k += args[k + 1] === '=' || args[k + 1] === '~' ? 3 : 2;
    else if (word === 'LIMIT') k += 2;
    else return args[k];
  }
}

export function compareReply(input: CompareInput): Comparison {
  const aliases = new Map(input.aliases ?? []);
  const shown = [...input.expected];
  if (shown.length > 0 && TIMING_LINE.test((shown.at(-1) ?? '').trim())) shown.pop();
  const expected = shown.map((line) => applyAliases(line, aliases));
  const actual = [...input.actual];
  const result = (ok: boolean, at: number, reason: string, focus = at): Comparison => ({
    ok,
    at,
    reason,
    expected,
    actual,
    diff: ok ? [] : renderDiff(expected, actual, at, focus),
    aliases,
  });

  const name = input.args[0]?.toUpperCase() ?? '';
  const tolerance = TTL_TOLERANCE[name];
  const shownInt = expected.length === 1 ? INTEGER_REPLY.exec(expected[0] ?? '') : null;
  const actualInt = actual.length === 1 ? INTEGER_REPLY.exec(actual[0] ?? '') : null;
  if (tolerance !== undefined && shownInt && actualInt) {
    const want = BigInt(shownInt[1] ?? '0');
    const got = BigInt(actualInt[1] ?? '0');
    // -1 (no TTL) and -2 (no key) are states, not countdowns, so they must match exactly.
    if (want >= 0n && got >= 0n) {
      if (got > want) return result(false, 0, `${name} is ${got}, higher than the ${want} shown (a TTL only goes down)`);
      if (got < want - tolerance) return result(false, 0, `${name} is ${got}, more than ${tolerance} below the ${want} shown`);
      return result(true, 0, '');
    }
  }

  if (xaddIdArgument(input.args) === '*' && shown.length === 1 && actual.length === 1) {
    const shownId = STREAM_ID_REPLY.exec((shown[0] ?? '').trim());
    const realId = STREAM_ID_REPLY.exec(actual[0] ?? '');
    if (shownId?.[1] !== undefined && realId?.[1] !== undefined) {
      // Later lines of the block that show this ID stand for the one Redis generated.
      aliases.set(shownId[1], realId[1]);
      return result(true, 0, '');
    }
  }

  const match = matchLines(expected, actual, lineEquals(input.vary));
  if (match.ok) return result(true, 0, '');
  const reason =
    match.at < expected.length
      ? `reply line ${match.at + 1} differs`
      : `Redis printed ${actual.length - match.focus} more line${actual.length - match.focus === 1 ? '' : 's'} than the lesson shows`;
  return result(false, match.at, reason, match.focus);
}

function lineEquals(vary: RegExp | undefined): (expected: string, actual: string) => boolean {
  const mask = (line: string) => {
    const trimmed = line.trimEnd();
    return vary ? trimmed.replace(new RegExp(vary.source, vary.flags.includes('g') ? vary.flags : `${vary.flags}g`), MASK) : trimmed;
  };
  return (expected, actual) => mask(expected) === mask(actual);
}

/**
 * Matches lines where an expected `...` stands for any number of actual lines. On failure, `at` is the
 * furthest expected line reached and `focus` the actual line it was compared with, to point the diff there.
 */
export function matchLines(
  expected: readonly string[],
  actual: readonly string[],
  equals: (expected: string, actual: string) => boolean,
): { ok: boolean; at: number; focus: number } {
  const rows = expected.length + 1;
  const cols = actual.length + 1;
  // reach[i * cols + j]: the first i expected lines can match the first j actual lines.
  const reach = new Uint8Array(rows * cols);
  reach[0] = 1;
  let at = 0;
  let focus = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (!reach[i * cols + j]) continue;
      if (i > at || (i === at && j > focus)) {
        at = i;
        focus = j;
      }
      if (i === expected.length) continue;
      const line = expected[i] ?? '';
      if (line.trim() === ELLIPSIS) {
        reach[(i + 1) * cols + j] = 1;
        if (j < actual.length) reach[i * cols + j + 1] = 1;
      } else if (j < actual.length && equals(line, actual[j] ?? '')) {
        reach[(i + 1) * cols + j + 1] = 1;
      }
    }
  }
  return { ok: reach[rows * cols - 1] === 1, at, focus };
}

const CONTEXT_BEFORE = 3;
const CONTEXT_AFTER = 8;

/** Shows both replies, cut to the lines around the first difference when they are long. */
function renderDiff(expected: readonly string[], actual: readonly string[], at: number, focus: number): string[] {
  const show = (lines: readonly string[], around: number) => {
    if (lines.length === 0) return ['(nothing)'];
    const from = lines.length <= CONTEXT_BEFORE + CONTEXT_AFTER + 1 ? 0 : Math.max(0, around - CONTEXT_BEFORE);
    const to = lines.length <= CONTEXT_BEFORE + CONTEXT_AFTER + 1 ? lines.length : Math.min(lines.length, around + CONTEXT_AFTER);
    const out = lines.slice(from, to).map(String);
    if (from > 0) out.unshift(`… ${from} line${from === 1 ? '' : 's'} before`);
    if (to < lines.length) out.push(`… ${lines.length - to} more line${lines.length - to === 1 ? '' : 's'}`);
    return out;
  };
  const want = show(expected, at);
  const got = show(actual, focus);
  if (want.length === 1 && got.length === 1) return [`expected: ${want[0] ?? ''}`, `actual:   ${got[0] ?? ''}`];
  return ['expected:', ...want.map((line) => `  ${line}`), 'actual:', ...got.map((line) => `  ${line}`)];
}
