import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './course/schema';
import { loadCourseConfig } from './course/read';
import { settings } from './env';
import { packFrontmatter } from './packs/index';

/** Every `.mdx` file of the course folder (LESSONS_DIR, default `lessons/`) is a lesson; its file name (minus an `NN-` prefix) is its slug. */
const lessons = defineCollection({
  loader: glob({ base: settings.lessonsDir, pattern: '**/*.mdx' }),
  schema: lessonSchema(loadCourseConfig(), packFrontmatter()),
});

export const collections = { lessons };
