import { plural } from '../../course/conventions';
import type { Problem } from '../../course/problems';
import { fieldPosition } from '../../course/yaml-source';
import { defineRule, report } from '../rule';

/** Fewer distinct levels than this is an error (when the course has that many): every lesson has to stretch the learner at least once. */
export const MIN_LEVELS = 2;

const list = (items: readonly string[]) => items.join(items.length === 2 ? ' or ' : ', ');

export const interviewLevels = defineRule({
  id: 'RM104',
  name: 'interview-levels',
  severity: 'error',
  description: `Interview questions cover at least ${MIN_LEVELS} of course.yaml's levels; fewer questions than its \`interview.minimum\` or a missing level is a warning.`,
  check(lesson) {
    // Invalid questions are RM003's to report.
    const questions = lesson.data?.interviewQuestions;
    if (!questions) return [];
    const { levels: all, minimum } = lesson.course.config.interview;
    const place = fieldPosition(lesson.frontmatter, ['interviewQuestions']);
    const levels = new Set(questions.map((q) => q.level));
    const missing = all.filter((l) => !levels.has(l));
    const needed = Math.min(MIN_LEVELS, all.length);
    const problems: Problem[] = [];
    if (levels.size < needed) {
      problems.push(report(this, lesson, place, `Interview questions cover only the ${[...levels].join(', ')} level. Add a question at the ${list(missing)} level; a lesson needs at least ${needed} levels.`));
    } else if (missing.length > 0) {
      problems.push(report(this, lesson, place, `No ${list(missing)} interview question. A finished lesson has questions at every level (${all.join(', ')}).`, 'warning'));
    }
    if (questions.length < minimum) {
      problems.push(report(this, lesson, place, `Only ${plural(questions.length, 'interview question')}. A finished lesson has ${minimum} or more; add ${minimum - questions.length}.`, 'warning'));
    }
    return problems;
  },
});
