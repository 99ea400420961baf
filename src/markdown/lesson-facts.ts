import type { Root } from 'mdast';
import type { MdastPluginDefinition } from 'satteri';
import { questionText, readingTime, type ReadingTime } from '../course/reading-time';

/** What the lesson page shows about the lesson's text, measured on the tree the page renders. */
export interface LessonFacts {
  readingTime: ReadingTime;
  /** True when the lesson has a code block other than a diagram: the page then loads the copy button's script. */
  hasCode: boolean;
}

/** The frontmatter Astro exports with a compiled lesson (`remarkPluginFrontmatter` on the page). */
export function frontmatterOf(data: { astro?: unknown }): Record<string, unknown> {
  const astro = (data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
  return (astro.frontmatter ??= {});
}

/** Sätteri mdast plugin: measures the lesson (before the interview questions are added) into the exported frontmatter. */
export const lessonFacts: MdastPluginDefinition = {
  name: 'course-site:lesson-facts',
  before(root, ctx) {
    const frontmatter = frontmatterOf(ctx.data);
    const time = readingTime(root as Root, questionText(frontmatter['interviewQuestions']));
    const facts: LessonFacts = { readingTime: time, hasCode: time.codeLines > 0 };
    Object.assign(frontmatter, facts);
  },
};
