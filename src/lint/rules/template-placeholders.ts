import type { Problem } from '../../course/problems';
import { PLACEHOLDER_MARKER } from '../../course/conventions';
import { defineRule, report } from '../rule';
import { truncate } from '../text';

export const templatePlaceholders = defineRule({
  id: 'RM109',
  name: 'template-placeholders',
  severity: 'warning',
  description: `No \`${PLACEHOLDER_MARKER}:\` placeholder from the lesson template is left, in the frontmatter or the body.`,
  check(lesson) {
    const problems: Problem[] = [];
    lesson.text.split('\n').forEach((line, i) => {
      for (let column = line.indexOf(PLACEHOLDER_MARKER); column !== -1; column = line.indexOf(PLACEHOLDER_MARKER, column + 1)) {
        const placeholder = truncate(line.slice(column).replace(/["'\s]+$/, ''), 60);
        problems.push(report(this, lesson, { line: i + 1, column: column + 1 }, `Template placeholder "${placeholder}" is left from the lesson template. Replace it with the lesson's own text.`));
      }
    });
    return problems;
  },
});
