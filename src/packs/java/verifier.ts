import { plural } from '../../course/conventions';
import type { Problem } from '../../course/problems';
import type { SnippetVerifier } from '../types';
import { checkJava } from './check';

/** `npm run verify:snippets` for ```java fences: each must parse as a class, class members or statements. */
export function javaVerifier(): SnippetVerifier {
  let checked = 0;
  let failed = 0;
  return {
    languages: ['java'],
    async verify(lesson) {
      const problems: Problem[] = [];
      const blocks = lesson.fences.filter((fence) => fence.lang === 'java');
      for (const fence of blocks) {
        const result = checkJava(fence.value);
        if (result.ok) continue;
        const line = fence.line + result.line;
        problems.push({
          file: lesson.file,
          line,
          column: result.column,
          severity: 'error',
          rule: 'java/parse',
          message: `The Java block that starts on line ${fence.line} does not parse as a class, class members or statements: ${result.message}. Fix the code at this line.`,
        });
      }
      checked += blocks.length;
      failed += problems.length;
      const summary = problems.length === 0 ? `${plural(blocks.length, 'Java block')} ${blocks.length === 1 ? 'parses' : 'parse'}` : `${plural(blocks.length, 'Java block')}, ${problems.length} ${problems.length === 1 ? 'does' : 'do'} not parse`;
      return { problems, summary };
    },
    async finish() {
      return { lines: [`Java: ${plural(checked, 'block')} checked, ${failed} failed to parse`], failed: false };
    },
  };
}
