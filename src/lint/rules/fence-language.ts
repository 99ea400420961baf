import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Problem } from '../../course/problems';
import { LANGUAGE_LABELS } from '../../markdown/rehype-code-blocks';
import { fenceOf } from '../fences';
import { defineRule, report, startOf } from '../rule';
import { closest } from '../text';

/** Languages a fence may name: those the site labels and highlights, plus diagrams. */
export const KNOWN_LANGUAGES: readonly string[] = [...Object.keys(LANGUAGE_LABELS), 'mermaid'];

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
    visit(lesson.tree, 'code', (node: Code) => {
      const fence = fenceOf(lesson, node);
      if (!fence) return;
      if (!node.lang) {
        problems.push(report(this, lesson, startOf(node), `Code fence has no language. Add one after the backticks, e.g. ${fence.marker}redis-cli`));
      } else if (!KNOWN_LANGUAGES.includes(node.lang)) {
        const better = suggestion(node.lang);
        const fix = better ? `Write ${fence.marker}${better} instead.` : `Use one of: ${KNOWN_LANGUAGES.join(', ')}.`;
        problems.push(report(this, lesson, startOf(node), `Code fence language "${node.lang}" is not one the site knows. ${fix}`));
      }
    });
    return problems;
  },
});
