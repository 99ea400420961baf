import { z } from 'astro/zod';
import type { CourseConfig } from './config';
import { quoted, requiredText } from './text-schema';

/** One question shown in the lesson's interview section and on the interview page. */
export function interviewQuestionSchema(levels: readonly string[]) {
  return z.object({
    /** How hard the question is: one of course.yaml's `interview.levels`. */
    level: z.string({ error: `level must be one of ${quoted(levels)}.` }).refine((level) => levels.includes(level), {
      error: (issue) => `level must be one of ${quoted(levels)} (got ${JSON.stringify(issue.input)}).`,
    }),
    /** The question as an interviewer would ask it. */
    question: requiredText('question', 'question: "Why is Redis single-threaded?"'),
    /** The answer a senior engineer would accept, in Markdown; name the trade-off. */
    answer: requiredText('answer', 'answer: "Because …" (Markdown is allowed)'),
  });
}
export type InterviewQuestion = z.infer<ReturnType<typeof interviewQuestionSchema>>;

/** Frontmatter fields a subject pack adds (e.g. `redisVersion`), each optional. */
export type FrontmatterFields = Record<string, z.ZodType>;

/** The frontmatter of a lesson file, for the phases and levels of one course. */
export function lessonSchema(course: Pick<CourseConfig, 'phases' | 'interview'>, packFields: FrontmatterFields = {}) {
  const phaseNumbers = course.phases.map((p) => p.number);
  return z.object({
    /** Title shown in the page heading, the sidebar and search results. */
    title: requiredText('title', 'title: "Sorted Sets"').pipe(z.string().max(80, { error: 'title is longer than 80 characters; shorten it so it fits the sidebar.' })),
    /** One sentence (40–200 characters) used on cards, in meta tags and in search results. */
    description: requiredText('description', 'description: "Rank and page through scores with ZADD and ZRANGE."').pipe(
      z
        .string()
        .min(40, { error: 'description is shorter than 40 characters; write one full sentence that says what the learner gets.' })
        .max(200, { error: 'description is longer than 200 characters; keep it to one sentence.' }),
    ),
    /** Which phase the lesson belongs to: its position in course.yaml's `phases`, from 1. */
    phase: z
      .number({ error: `phase must be a number from 1 to ${phaseNumbers.length}, for example: phase: ${Math.min(2, phaseNumbers.length)}` })
      .refine((n) => phaseNumbers.includes(n), {
        error: (issue) => `phase must be one of ${quoted(phaseNumbers)} (got ${String(issue.input)}).`,
      }),
    /** Position inside its phase, from 1; two lessons of one phase may not share it. */
    order: z
      .number({ error: 'order must be a whole number from 1, for example: order: 3' })
      .int({ error: 'order must be a whole number, for example: order: 3' })
      .min(1, { error: 'order starts at 1.' }),
    /** Reading time in minutes, as a whole number (about 10 for a lesson). */
    duration: z
      .number({ error: 'duration must be a number of minutes without units, for example: duration: 10' })
      .int({ error: 'duration must be a whole number of minutes, for example: duration: 10' })
      .min(1, { error: 'duration must be at least 1 minute.' })
      .max(60, { error: 'duration is over 60 minutes; split the lesson in two.' }),
    /** Questions rendered before the section course.yaml names, and gathered on the interview page. */
    interviewQuestions: z
      .array(interviewQuestionSchema(course.interview.levels), { error: 'interviewQuestions must be a list of { level, question, answer } items.' })
      .min(1, { error: 'interviewQuestions is empty; add at least one question with level, question and answer.' }),
    /** Optional keywords that help search; default none. */
    tags: z.array(z.string().trim().min(1)).default([]),
    /** When true the lesson shows in `npm run dev` but is left out of the production build; default false. */
    draft: z.boolean({ error: 'draft must be true or false.' }).default(false),
    /** Date of the last substantial revision, YYYY-MM-DD; optional. */
    updated: z.coerce.date({ error: 'updated must be a date written as YYYY-MM-DD.' }).optional(),
    ...packFields,
  });
}
export type LessonData = z.infer<ReturnType<typeof lessonSchema>> & Record<string, unknown>;
