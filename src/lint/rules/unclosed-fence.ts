import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Problem } from '../../course/problems';
import { fenceOf } from '../fences';
import { defineRule, report, startOf } from '../rule';

export const unclosedFence = defineRule({
  id: 'RM110',
  name: 'unclosed-fence',
  severity: 'error',
  description: 'Every code fence that is opened is closed.',
  check(lesson) {
    const problems: Problem[] = [];
    visit(lesson.tree, 'code', (node: Code) => {
      const fence = fenceOf(lesson, node);
      if (!fence || fence.closed) return;
      problems.push(report(this, lesson, startOf(node), `This code fence is never closed, so what follows it is shown as code. Add a closing ${fence.marker} line where the code ends.`));
    });
    return problems;
  },
});
