import type { Heading } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Problem } from '../../course/problems';
import { defineRule, report, startOf } from '../rule';

const hashes = (depth: number) => '#'.repeat(depth);

export const headingLevels = defineRule({
  id: 'RM107',
  name: 'heading-levels',
  severity: 'error',
  description: 'Headings go down one level at a time, and the body has no `#` heading (the title is the page\'s h1).',
  check(lesson) {
    const problems: Problem[] = [];
    // The page renders the title as h1, so the body starts below it.
    let previous = 1;
    visit(lesson.tree, 'heading', (node: Heading) => {
      if (node.depth === 1) {
        problems.push(report(this, lesson, startOf(node), 'A `#` heading in the body: the lesson title is the page\'s only h1. Use `##` for a section or `###` inside one.'));
      } else if (node.depth > previous + 1) {
        const from = previous === 1 ? '# (the title)' : hashes(previous);
        problems.push(report(this, lesson, startOf(node), `Heading level skips from ${from} to ${hashes(node.depth)}. Use ${hashes(previous + 1)} here, so the table of contents and screen readers keep the structure.`));
      }
      previous = node.depth;
    });
    return problems;
  },
});
