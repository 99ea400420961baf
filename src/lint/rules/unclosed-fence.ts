import { defineRule, report } from '../rule';

export const unclosedFence = defineRule({
  id: 'RM110',
  name: 'unclosed-fence',
  severity: 'error',
  description: 'Every code fence that is opened is closed.',
  check(lesson) {
    return lesson.fences
      .filter((fence) => !fence.closed)
      .map((fence) => report(this, lesson, { line: fence.line, column: fence.node.position?.start.column ?? 1 }, `This code fence is never closed, so what follows it is shown as code. Add a closing ${fence.marker} line where the code ends.`));
  },
});
