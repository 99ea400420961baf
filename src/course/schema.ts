import { z } from 'astro/zod';
import { PHASES } from './phases';

/** The three levels an interview question can be pitched at, easiest first. */
export const LEVELS = ['Beginner', 'Intermediate', 'Advanced'] as const;
export type Level = (typeof LEVELS)[number];

const quoted = (values: readonly (string | number)[]) => values.map((v) => `\`${v}\``).join(', ');

/** Text that must be present and not blank; `what` names it in the message. */
const requiredText = (what: string, example: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `${what} is missing. Add it, for example: ${example}`
          : `${what} must be text, for example: ${example}`,
    })
    .trim()
    .min(1, { error: `${what} is empty. Write it, for example: ${example}` });

/** One question shown in the lesson's "Interview questions" section and on the interview page. */
export const interviewQuestionSchema = z.object({
  /** How hard the question is: `Beginner`, `Intermediate` or `Advanced`. */
  level: z.enum(LEVELS, {
    error: (issue) =>
      `level must be one of ${quoted(LEVELS)} (got ${JSON.stringify(issue.input)}).`,
  }),
  /** The question as an interviewer would ask it. */
  question: requiredText('question', 'question: "Why is Redis single-threaded?"'),
  /** The answer a senior engineer would accept, in Markdown; name the trade-off. */
  answer: requiredText('answer', 'answer: "Because …" (Markdown is allowed)'),
});
export type InterviewQuestion = z.infer<typeof interviewQuestionSchema>;

const phaseNumbers = PHASES.map((p) => p.number);
const REDIS_VERSION = /^\d+\.\d+(\.\d+)?$/;

/** The frontmatter of a lesson file in `lessons/`. */
export const lessonSchema = z.object({
  /** Title shown in the page heading, the sidebar and search results. */
  title: requiredText('title', 'title: "Sorted Sets"').pipe(
    z.string().max(80, { error: 'title is longer than 80 characters; shorten it so it fits the sidebar.' }),
  ),
  /** One sentence (40–200 characters) used on cards, in meta tags and in search results. */
  description: requiredText('description', 'description: "Rank and page through scores with ZADD and ZRANGE."').pipe(
    z
      .string()
      .min(40, { error: 'description is shorter than 40 characters; write one full sentence that says what the learner gets.' })
      .max(200, { error: 'description is longer than 200 characters; keep it to one sentence.' }),
  ),
  /** Which phase (1–6) the lesson belongs to; see `src/course/phases.ts`. */
  phase: z
    .number({ error: `phase must be a number from 1 to ${PHASES.length}, for example: phase: 2` })
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
  /** Questions rendered after "Common mistakes" and gathered on the interview page. */
  interviewQuestions: z
    .array(interviewQuestionSchema, {
      error: 'interviewQuestions must be a list of { level, question, answer } items.',
    })
    .min(1, { error: 'interviewQuestions is empty; add at least one question with level, question and answer.' }),
  /** Optional keywords that help search; default none. */
  tags: z.array(z.string().trim().min(1)).default([]),
  /** Lowest Redis version the lesson's commands need, e.g. `7.2`; default: the course's baseline. */
  redisVersion: z
    .string({ error: 'redisVersion must be quoted text such as "7.2" (unquoted 7.2 is read as a number).' })
    .regex(REDIS_VERSION, { error: 'redisVersion must look like "7.2" or "7.2.4".' })
    .optional(),
  /** When true the lesson shows in `npm run dev` but is left out of the production build; default false. */
  draft: z.boolean({ error: 'draft must be true or false.' }).default(false),
  /** Date of the last substantial revision, YYYY-MM-DD; optional. */
  updated: z.coerce.date({ error: 'updated must be a date written as YYYY-MM-DD.' }).optional(),
});
export type LessonData = z.infer<typeof lessonSchema>;
