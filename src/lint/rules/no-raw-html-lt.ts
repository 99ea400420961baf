import { LESSON_COMPONENTS } from '../../markdown/components';
import { defineRule, report } from '../rule';
import { findMdxTraps, HTML_TAGS, importedNames, type MdxTrap } from '../prose';
import { truncate } from '../text';

function message(trap: MdxTrap): string {
  if (trap.kind === 'brace') return '"{" in prose starts a JavaScript expression in MDX. Write `\\{` or use inline code.';
  if (trap.name?.endsWith(':')) {
    return `"${truncate(trap.text, 60)}" is an autolink, which MDX reads as a JSX tag. Write [text](url), or use inline code.`;
  }
  const what = trap.name ? `, and <${trap.name}> is not a component or HTML tag the lesson can use` : '';
  return `"${truncate(trap.text, 30)}" in prose starts a JSX tag in MDX${what}. Write \`&lt;\` or use inline code.`;
}

export const noRawHtmlLt = defineRule({
  id: 'RM111',
  name: 'no-raw-html-lt',
  severity: 'error',
  description: 'No bare `<` before a letter (other than a known component or HTML tag) and no bare `{` in prose: MDX reads them as JSX.',
  check(lesson) {
    const known = new Set<string>([...LESSON_COMPONENTS, ...importedNames(lesson.markdown)]);
    const isKnown = (name: string) => known.has(name.split('.')[0] ?? name) || HTML_TAGS.has(name);
    const codeLines = new Set(lesson.fences.flatMap((f) => Array.from({ length: (f.node.position?.end.line ?? f.line) - f.line + 1 }, (_, k) => f.line + k)));
    const traps = findMdxTraps(lesson.markdown, isKnown, codeLines);
    // One problem per line and kind: a line of `<<<<` or generated text should not bury the rest of the report.
    const groups = new Map<string, MdxTrap[]>();
    for (const trap of traps) {
      const key = `${trap.line}:${trap.kind}`;
      const group = groups.get(key);
      if (group) group.push(trap);
      else groups.set(key, [trap]);
    }
    return [...groups.values()].map(([first, ...rest]) =>
      report(this, lesson, first!, message(first!) + (rest.length > 0 ? ` (${rest.length} more on this line.)` : '')),
    );
  },
});
