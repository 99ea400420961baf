import type { Heading, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { sectionKey } from '../../course/conventions';
import type { Problem } from '../../course/problems';
import { headingText } from '../../course/anchors';
import { defineRule, report, startOf } from '../rule';

const isHeading = (n: RootContent): n is Heading => n.type === 'heading';

export const requiredDiagram = defineRule({
  id: 'RM103',
  name: 'required-diagram',
  severity: 'error',
  description: 'Every section that course.yaml marks `diagram: true` holds at least one mermaid diagram.',
  check(lesson) {
    const nodes = lesson.tree.children;
    const problems: Problem[] = [];
    for (const { heading } of lesson.course.config.sections.filter((s) => s.diagram)) {
      const start = nodes.findIndex((n) => isHeading(n) && n.depth === 2 && sectionKey(headingText(n)) === sectionKey(heading));
      // A missing section is RM101's to report.
      if (start === -1) continue;
      const next = nodes.findIndex((n, i) => i > start && isHeading(n) && n.depth <= 2);
      let found = false;
      for (const node of nodes.slice(start + 1, next === -1 ? nodes.length : next)) {
        visit(node, 'code', (code) => {
          if (code.lang === 'mermaid') found = true;
        });
      }
      if (!found) problems.push(report(this, lesson, startOf(nodes[start]!), `The "${heading}" section has no diagram. Add a \`\`\`mermaid fence to it that shows how the parts fit together.`));
    }
    return problems;
  },
});
