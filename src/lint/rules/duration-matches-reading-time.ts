import { isScalar } from 'yaml';
import type { Root } from 'mdast';
import { parseLessonSource } from '../../course/lesson-source';
import { questionText, readingTime } from '../../course/reading-time';
import { fieldPosition } from '../../course/yaml-source';
import { defineRule, report } from '../rule';

/** How far the declared duration may be from the computed reading time before it misleads learners. */
export const DURATION_TOLERANCE = 0.25;

/** The reading time the lesson should declare, or undefined when `declared` is close enough. */
export function suggestedDuration(tree: Root, questions: unknown, declared: number): number | undefined {
  const minutes = readingTime(tree, questionText(questions)).minutes;
  return Math.abs(minutes - declared) / declared > DURATION_TOLERANCE ? minutes : undefined;
}

export const durationMatchesReadingTime = defineRule({
  id: 'RM105',
  name: 'duration-matches-reading-time',
  severity: 'warning',
  description: `The declared duration is within ${DURATION_TOLERANCE * 100} % of the computed reading time.`,
  check(lesson) {
    if (!lesson.data) return [];
    const declared = lesson.data.duration;
    const computed = suggestedDuration(lesson.tree, lesson.data.interviewQuestions, declared);
    if (computed === undefined) return [];
    const off = Math.round((Math.abs(computed - declared) / declared) * 100);
    return [
      report(this, lesson, fieldPosition(lesson.frontmatter, ['duration']), `duration is ${declared} min but the lesson reads in ${computed} min (${off} % off, more than ${DURATION_TOLERANCE * 100} %). Set duration: ${computed}, or run the linter with --fix.`),
    ];
  },
  fix(text) {
    const source = parseLessonSource('', text);
    const yaml = source.frontmatter;
    if (!yaml || yaml.document.errors.length > 0) return text;
    const node = yaml.document.get('duration', true);
    if (!isScalar(node) || typeof node.value !== 'number' || node.value < 1 || !node.range) return text;
    const computed = suggestedDuration(source.tree, source.values['interviewQuestions'], node.value);
    if (computed === undefined) return text;
    // The YAML ranges count from the line after the opening `---`.
    const start = source.text.indexOf('\n') + 1;
    return source.text.slice(0, start + node.range[0]) + String(computed) + source.text.slice(start + node.range[1]);
  },
});
