import type { Heading, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { headingText } from '../anchors';
import { DIAGRAM_SECTION, sectionKey } from '../outline';
import { defineRule, report, startOf } from '../rule';

const isHeading = (n: RootContent): n is Heading => n.type === 'heading';

export const diagramInUnderstanding = defineRule({
  id: 'RM103',
  name: 'diagram-in-understanding',
  severity: 'error',
  description: `The "${DIAGRAM_SECTION}" section has at least one mermaid diagram.`,
  check(lesson) {
    const nodes = lesson.tree.children;
    const start = nodes.findIndex((n) => isHeading(n) && n.depth === 2 && sectionKey(headingText(n)) === sectionKey(DIAGRAM_SECTION));
    // A missing section is RM101's to report.
    if (start === -1) return [];
    const next = nodes.findIndex((n, i) => i > start && isHeading(n) && n.depth <= 2);
    const section = nodes.slice(start + 1, next === -1 ? nodes.length : next);
    let found = false;
    for (const node of section) {
      visit(node, 'code', (code) => {
        if (code.lang === 'mermaid') found = true;
      });
    }
    if (found) return [];
    return [report(this, lesson, startOf(nodes[start]!), `The "${DIAGRAM_SECTION}" section has no diagram. Add a \`\`\`mermaid fence to it that shows how the parts fit together.`)];
  },
});
