import { questionAnchor, questionId } from './conventions';
import type { Lesson } from './outline';
import type { InterviewQuestion } from './schema';

/** One interview question placed in the course, with the anchor it has in its lesson. */
export interface PlacedQuestion extends InterviewQuestion {
  lesson: Lesson;
  /** `q-3`: the question's anchor on its lesson page. */
  anchor: string;
  /** `<lesson path>#q-3`: stable id used to remember "practised". */
  id: string;
}

/** Every question of every lesson, in course order. */
export function gatherQuestions(lessons: readonly Lesson[], questionsOf: (lesson: Lesson) => readonly InterviewQuestion[]): PlacedQuestion[] {
  return lessons.flatMap((lesson) => questionsOf(lesson).map((q, i) => ({ ...q, lesson, anchor: questionAnchor(i + 1), id: questionId(lesson.path, i + 1) })));
}

/** How many questions each level has, in the course's level order. */
export function countByLevel(questions: readonly { level: string }[], levels: readonly string[]): Record<string, number> {
  return Object.fromEntries(levels.map((level) => [level, questions.filter((q) => q.level === level).length]));
}
