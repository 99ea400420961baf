/**
 * What a learner is told about one reply next to the lesson's: the same; a value the lesson marks as varying
 * (labelled, not flagged); a documented difference of the in-browser build (labelled); or a real difference (flagged).
 */
import { compareReply, TTL_TOLERANCE, xaddIdArgument, type CompareInput } from './compare';
import { platformDifference } from './platform';

export type Verdict =
  | { kind: 'same' }
  /** Matches through one of the lesson's variations; `label` says which. */
  | { kind: 'varies'; label: string }
  /** Differs as the in-browser build genuinely differs from a native server (platform.ts); `label` says how. */
  | { kind: 'platform'; label: string; why: string }
  | { kind: 'differs'; reason: string; diff: string[] };

const ELLIPSIS = '...';
const MASK = '\u0000';
const globally = (pattern: RegExp) => (pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, `${pattern.flags}g`));

/** Why a reply that matched is not the lesson's text to the letter. */
function variation(input: CompareInput, matchedExactly: boolean): string {
  const name = input.args[0]?.toUpperCase() ?? '';
  if (TTL_TOLERANCE[name] !== undefined) return 'varies: the time to live counts down';
  if (xaddIdArgument(input.args) === '*') return 'varies: Redis generates the stream ID';
  if (matchedExactly) return 'varies: Redis generated this stream ID';
  if (input.expected.some((line) => line.trim() === ELLIPSIS)) return 'varies: the lesson shows part of this reply';
  return 'varies: the lesson marks this value as varying';
}

/** Judges one reply; `aliases` (stream IDs shown → generated) carry over to the next reply of the session. */
export function judgeReply(input: CompareInput): { verdict: Verdict; aliases: Map<string, string> } {
  const result = compareReply(input);
  const trimmed = (lines: readonly string[]) => lines.map((line) => line.trimEnd()).join('\n');
  if (result.ok) {
    if (trimmed(input.expected) === trimmed(input.actual)) return { verdict: { kind: 'same' }, aliases: result.aliases };
    // After stream-ID substitution the lines may agree to the letter: the difference was a generated ID.
    return { verdict: { kind: 'varies', label: variation(input, trimmed(result.expected) === trimmed(input.actual)) }, aliases: result.aliases };
  }
  // The lesson's own vary="…" still applies: only what it does not cover must be explained by the platform.
  const hide = (lines: readonly string[]) => (input.vary ? lines.map((line) => line.replace(globally(input.vary!), MASK)) : lines);
  const platform = platformDifference(input.args, result.expected, input.actual) ?? platformDifference(input.args, hide(result.expected), hide(input.actual));
  if (platform) return { verdict: { kind: 'platform', label: platform.label, why: platform.why }, aliases: result.aliases };
  return { verdict: { kind: 'differs', reason: result.reason, diff: result.diff }, aliases: result.aliases };
}
