import { fieldPosition } from '../../course/lesson-file';
import type { Problem } from '../../course/problems';
import { LEVELS } from '../../course/schema';
import { defineRule, report } from '../rule';
import { plural } from '../text';

/** What a finished lesson has; fewer is allowed while a lesson is being written, with a warning. */
export const FINISHED_QUESTIONS = 5;
/** Fewer distinct levels than this is an error: every lesson has to stretch the learner at least once. */
export const MIN_LEVELS = 2;

const list = (items: readonly string[]) => items.join(items.length === 2 ? ' or ' : ', ');

export const interviewLevels = defineRule({
  id: 'RM104',
  name: 'interview-levels',
  severity: 'error',
  description: `Interview questions cover at least ${MIN_LEVELS} levels; fewer than ${FINISHED_QUESTIONS} questions or a missing level is a warning.`,
  check(lesson) {
    // Invalid questions are RM003's to report.
    const questions = lesson.data?.interviewQuestions;
    if (!questions) return [];
    const place = fieldPosition(lesson.source, ['interviewQuestions']);
    const levels = new Set(questions.map((q) => q.level));
    const missing = LEVELS.filter((l) => !levels.has(l));
    const problems: Problem[] = [];
    if (levels.size < MIN_LEVELS) {
      problems.push(report(this, lesson, place, `Interview questions cover only the ${[...levels].join(', ')} level. Add a question at the ${list(missing)} level; a lesson needs at least ${MIN_LEVELS} levels.`));
    } else if (missing.length > 0) {
      problems.push(report(this, lesson, place, `No ${list(missing)} interview question. A finished lesson has questions at all three levels (${LEVELS.join(', ')}).`, 'warning'));
    }
    if (questions.length < FINISHED_QUESTIONS) {
      problems.push(report(this, lesson, place, `Only ${plural(questions.length, 'interview question')}. A finished lesson has ${FINISHED_QUESTIONS} or more; add ${FINISHED_QUESTIONS - questions.length}.`, 'warning'));
    }
    return problems;
  },
});
