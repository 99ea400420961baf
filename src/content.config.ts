import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './course/schema';

/** Every `.mdx` file under `lessons/` is a lesson; its file name (minus an `NN-` prefix) is its slug. */
const lessons = defineCollection({
  // LESSONS_DIR points a build at another course (test fixtures, the benchmark's synthetic course).
  loader: glob({ base: process.env.LESSONS_DIR ?? './lessons', pattern: '**/*.mdx' }),
  schema: lessonSchema,
});

export const collections = { lessons };
