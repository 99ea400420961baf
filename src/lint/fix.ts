import type { CourseConfig } from '../course/config';
import type { Rule } from './types';

/** Applies the rules' fixes to a file's text, keeping its byte-order mark and line endings. */
export function applyFixes(raw: string, rules: readonly Rule[], config: CourseConfig): string {
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = /\r\n/.test(raw);
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let fixed = text;
  for (const rule of rules) fixed = rule.fix?.(fixed, config) ?? fixed;
  if (fixed === text) return raw;
  return bom + (crlf ? fixed.replace(/\n/g, '\r\n') : fixed);
}
