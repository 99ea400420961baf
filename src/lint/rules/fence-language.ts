import type { Problem } from '../../course/problems';
import { KNOWN_LANGUAGES } from '../../markdown/languages';
import { defineRule, report } from '../rule';
import { closest } from '../text';

/** Common names for languages the site knows under another name. */
const ALIASES: Readonly<Record<string, string>> = {
  js: 'javascript',
  ts: 'typescript',
  py: 'python',
  zsh: 'bash',
  shellscript: 'bash',
  redis: 'redis-cli',
  redis_cli: 'redis-cli',
  rediscli: 'redis-cli',
  txt: 'text',
  docker: 'dockerfile',
  golang: 'go',
  kt: 'kotlin',
  cfg: 'conf',
};

function suggestion(lang: string): string | undefined {
  const lower = lang.toLowerCase();
  if (KNOWN_LANGUAGES.includes(lower)) return lower;
  return ALIASES[lower] ?? closest(lower, KNOWN_LANGUAGES);
}

export const fenceLanguage = defineRule({
  id: 'RM102',
  name: 'fence-language',
  severity: 'error',
  description: 'Every code fence names a language the site knows.',
  check(lesson) {
    const problems: Problem[] = [];
    for (const fence of lesson.fences) {
      const place = { line: fence.line, column: fence.node.position?.start.column ?? 1 };
      if (!fence.lang) {
        problems.push(report(this, lesson, place, `Code fence has no language. Add one after the backticks, e.g. ${fence.marker}text`));
      } else if (!KNOWN_LANGUAGES.includes(fence.lang)) {
        const better = suggestion(fence.lang);
        const fix = better ? `Write ${fence.marker}${better} instead.` : `Use one of: ${KNOWN_LANGUAGES.join(', ')}.`;
        problems.push(report(this, lesson, place, `Code fence language "${fence.lang}" is not one the site knows. ${fix}`));
      }
    }
    return problems;
  },
});
