import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './course/schema';

/** Every `.mdx` file under `lessons/` is a lesson; its file name (minus an `NN-` prefix) is its slug. */
const lessons = defineCollection({
  loader: glob({ base: './lessons', pattern: '**/*.mdx' }),
  schema: lessonSchema,
});

export const collections = { lessons };
