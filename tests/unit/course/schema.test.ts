import { describe, expect, test } from 'vitest';
import { courseLessonSchema } from '../../../src/lint/lint';
import { validFrontmatter } from '../../fixtures/lesson';
import { FIXTURE_CONFIG } from '../../support/course';

const lessonSchema = courseLessonSchema(FIXTURE_CONFIG);

const messages = (data: unknown) => {
  const result = lessonSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const without = (key: string) => Object.fromEntries(Object.entries(validFrontmatter).filter(([k]) => k !== key));

describe('lesson schema', () => {
  test('accepts a valid lesson and fills defaults', () => {
    const lesson = lessonSchema.parse(validFrontmatter);
    expect(lesson.draft).toBe(false);
    expect(lesson.tags).toEqual([]);
  });

  test.each([
    ['errors if title is missing', without('title'), ['title: title is missing. Add it, for example: title: "Sorted Sets"']],
    ['errors if title is empty', { ...validFrontmatter, title: '  ' }, ['title: title is empty. Write it, for example: title: "Sorted Sets"']],
    ['errors if phase is not one of the course\'s phases', { ...validFrontmatter, phase: 7 }, ['phase: phase must be one of `1`, `2`, `3` (got 7).']],
    ['errors if duration is not a number', { ...validFrontmatter, duration: '10 min' }, ['duration: duration must be a number of minutes without units, for example: duration: 10']],
    ['errors if order is not a whole number', { ...validFrontmatter, order: 1.5 }, ['order: order must be a whole number, for example: order: 3']],
    [
      'errors on an unknown interview level',
      { ...validFrontmatter, interviewQuestions: [{ level: 'Expert', question: 'Q?', answer: 'A.' }] },
      ['interviewQuestions.0.level: level must be one of `Beginner`, `Intermediate`, `Advanced` (got "Expert").'],
    ],
    [
      'errors on a question without an answer',
      { ...validFrontmatter, interviewQuestions: [{ level: 'Beginner', question: 'Q?' }] },
      ['interviewQuestions.0.answer: answer is missing. Add it, for example: answer: "Because …" (Markdown is allowed)'],
    ],
    ['errors on an empty question list', { ...validFrontmatter, interviewQuestions: [] }, ['interviewQuestions: interviewQuestions is empty; add at least one question with level, question and answer.']],
    ['errors on a description that is too short', { ...validFrontmatter, description: 'Too short.' }, ['description: description is shorter than 40 characters; write one full sentence that says what the learner gets.']],
    ['errors on an unquoted redisVersion', { ...validFrontmatter, redisVersion: 7.2 }, ['redisVersion: redisVersion must be quoted text such as "7.2" (unquoted 7.2 is read as a number).']],
  ])('%s', (_name, data, expected) => {
    expect(messages(data)).toEqual(expected);
  });
});
