import type { Lesson } from './outline';
import { LEVELS, type InterviewQuestion, type Level } from './schema';

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
  return lessons.flatMap((lesson) =>
    questionsOf(lesson).map((q, i) => ({ ...q, lesson, anchor: `q-${i + 1}`, id: `${lesson.path}#q-${i + 1}` })),
  );
}

export function countByLevel(questions: readonly { level: Level }[]): Record<Level, number> {
  return Object.fromEntries(LEVELS.map((level) => [level, questions.filter((q) => q.level === level).length])) as Record<Level, number>;
}
